# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'eligibility_tab.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSplitter,
    QStackedWidget, QTableView, QVBoxLayout, QWidget)

class Ui_EligibilityTab(object):
    def setupUi(self, EligibilityTab):
        if not EligibilityTab.objectName():
            EligibilityTab.setObjectName(u"EligibilityTab")
        self.layout = QVBoxLayout(EligibilityTab)
        self.layout.setObjectName(u"layout")
        self.filterBar = QHBoxLayout()
        self.filterBar.setObjectName(u"filterBar")
        self.searchField = QLineEdit(EligibilityTab)
        self.searchField.setObjectName(u"searchField")
        self.searchField.setClearButtonEnabled(True)

        self.filterBar.addWidget(self.searchField)

        self.statusFilter = QComboBox(EligibilityTab)
        self.statusFilter.setObjectName(u"statusFilter")

        self.filterBar.addWidget(self.statusFilter)

        self.countLabel = QLabel(EligibilityTab)
        self.countLabel.setObjectName(u"countLabel")

        self.filterBar.addWidget(self.countLabel)

        self.filterSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterBar.addItem(self.filterSpacer)

        self.registerButton = QPushButton(EligibilityTab)
        self.registerButton.setObjectName(u"registerButton")

        self.filterBar.addWidget(self.registerButton)

        self.importButton = QPushButton(EligibilityTab)
        self.importButton.setObjectName(u"importButton")

        self.filterBar.addWidget(self.importButton)

        self.exportButton = QPushButton(EligibilityTab)
        self.exportButton.setObjectName(u"exportButton")

        self.filterBar.addWidget(self.exportButton)


        self.layout.addLayout(self.filterBar)

        self.mainSplitter = QSplitter(EligibilityTab)
        self.mainSplitter.setObjectName(u"mainSplitter")
        self.mainSplitter.setOrientation(Qt.Orientation.Vertical)
        self.mainSplitter.setChildrenCollapsible(False)
        self.splitter = QSplitter(self.mainSplitter)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listStack = QStackedWidget(self.splitter)
        self.listStack.setObjectName(u"listStack")
        self.listPage = QWidget()
        self.listPage.setObjectName(u"listPage")
        self.listLayout = QVBoxLayout(self.listPage)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.subjectTable = QTableView(self.listPage)
        self.subjectTable.setObjectName(u"subjectTable")
        self.subjectTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.subjectTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.subjectTable.setSortingEnabled(True)
        self.subjectTable.setAlternatingRowColors(True)
        self.subjectTable.setWordWrap(False)

        self.listLayout.addWidget(self.subjectTable)

        self.listStack.addWidget(self.listPage)
        self.listEmptyPage = QWidget()
        self.listEmptyPage.setObjectName(u"listEmptyPage")
        self.listEmptyLayout = QVBoxLayout(self.listEmptyPage)
        self.listEmptyLayout.setObjectName(u"listEmptyLayout")
        self.listEmptyLabel = QLabel(self.listEmptyPage)
        self.listEmptyLabel.setObjectName(u"listEmptyLabel")
        self.listEmptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.listEmptyLabel.setWordWrap(True)

        self.listEmptyLayout.addWidget(self.listEmptyLabel)

        self.listStack.addWidget(self.listEmptyPage)
        self.splitter.addWidget(self.listStack)
        self.detailStack = QStackedWidget(self.splitter)
        self.detailStack.setObjectName(u"detailStack")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyLabel)

        self.detailStack.addWidget(self.emptyPage)
        self.detailPage = QWidget()
        self.detailPage.setObjectName(u"detailPage")
        self.detailPageLayout = QVBoxLayout(self.detailPage)
        self.detailPageLayout.setObjectName(u"detailPageLayout")
        self.detailPageLayout.setContentsMargins(0, 0, 0, 0)
        self.detailScroll = QScrollArea(self.detailPage)
        self.detailScroll.setObjectName(u"detailScroll")
        self.detailScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detailScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detailScroll.setWidgetResizable(True)
        self.detailContents = QWidget()
        self.detailContents.setObjectName(u"detailContents")
        self.detailLayout = QVBoxLayout(self.detailContents)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(4, 0, 4, 0)
        self.headingRow = QHBoxLayout()
        self.headingRow.setObjectName(u"headingRow")
        self.subjectHeading = QLabel(self.detailContents)
        self.subjectHeading.setObjectName(u"subjectHeading")
        self.subjectHeading.setWordWrap(True)
        self.subjectHeading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headingRow.addWidget(self.subjectHeading)

        self.editDetailsButton = QPushButton(self.detailContents)
        self.editDetailsButton.setObjectName(u"editDetailsButton")

        self.headingRow.addWidget(self.editDetailsButton)

        self.headingRow.setStretch(0, 1)

        self.detailLayout.addLayout(self.headingRow)

        self.subjectDetails = QLabel(self.detailContents)
        self.subjectDetails.setObjectName(u"subjectDetails")
        self.subjectDetails.setWordWrap(True)
        self.subjectDetails.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.subjectDetails)

        self.actionRow = QHBoxLayout()
        self.actionRow.setObjectName(u"actionRow")
        self.assessmentLabel = QLabel(self.detailContents)
        self.assessmentLabel.setObjectName(u"assessmentLabel")

        self.actionRow.addWidget(self.assessmentLabel)

        self.assessmentDateEdit = QDateEdit(self.detailContents)
        self.assessmentDateEdit.setObjectName(u"assessmentDateEdit")
        self.assessmentDateEdit.setCalendarPopup(True)

        self.actionRow.addWidget(self.assessmentDateEdit)

        self.assessmentApplyButton = QPushButton(self.detailContents)
        self.assessmentApplyButton.setObjectName(u"assessmentApplyButton")

        self.actionRow.addWidget(self.assessmentApplyButton)

        self.actionSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionRow.addItem(self.actionSpacer)

        self.enrolButton = QPushButton(self.detailContents)
        self.enrolButton.setObjectName(u"enrolButton")

        self.actionRow.addWidget(self.enrolButton)

        self.screenFailButton = QPushButton(self.detailContents)
        self.screenFailButton.setObjectName(u"screenFailButton")

        self.actionRow.addWidget(self.screenFailButton)

        self.withdrawButton = QPushButton(self.detailContents)
        self.withdrawButton.setObjectName(u"withdrawButton")

        self.actionRow.addWidget(self.withdrawButton)

        self.completeButton = QPushButton(self.detailContents)
        self.completeButton.setObjectName(u"completeButton")

        self.actionRow.addWidget(self.completeButton)


        self.detailLayout.addLayout(self.actionRow)

        self.verdictBanner = QLabel(self.detailContents)
        self.verdictBanner.setObjectName(u"verdictBanner")
        self.verdictBanner.setWordWrap(True)
        self.verdictBanner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.verdictBanner)

        self.recordsRow = QHBoxLayout()
        self.recordsRow.setObjectName(u"recordsRow")
        self.consentGroup = QGroupBox(self.detailContents)
        self.consentGroup.setObjectName(u"consentGroup")
        self.consentLayout = QHBoxLayout(self.consentGroup)
        self.consentLayout.setObjectName(u"consentLayout")
        self.consentLayout.setContentsMargins(-1, 2, -1, 4)
        self.consentValue = QLabel(self.consentGroup)
        self.consentValue.setObjectName(u"consentValue")
        self.consentValue.setWordWrap(True)
        self.consentValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.consentLayout.addWidget(self.consentValue)

        self.consentButton = QPushButton(self.consentGroup)
        self.consentButton.setObjectName(u"consentButton")

        self.consentLayout.addWidget(self.consentButton)

        self.consentLayout.setStretch(0, 1)

        self.recordsRow.addWidget(self.consentGroup)

        self.signoffGroup = QGroupBox(self.detailContents)
        self.signoffGroup.setObjectName(u"signoffGroup")
        self.signoffLayout = QGridLayout(self.signoffGroup)
        self.signoffLayout.setObjectName(u"signoffLayout")
        self.signoffLayout.setContentsMargins(-1, 2, -1, 4)
        self.signoffValue = QLabel(self.signoffGroup)
        self.signoffValue.setObjectName(u"signoffValue")
        self.signoffValue.setWordWrap(True)
        self.signoffValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.signoffLayout.addWidget(self.signoffValue, 0, 0, 1, 1)

        self.signButton = QPushButton(self.signoffGroup)
        self.signButton.setObjectName(u"signButton")

        self.signoffLayout.addWidget(self.signButton, 0, 1, 1, 1)

        self.historyLabel = QLabel(self.signoffGroup)
        self.historyLabel.setObjectName(u"historyLabel")
        self.historyLabel.setWordWrap(True)
        self.historyLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.signoffLayout.addWidget(self.historyLabel, 1, 0, 1, 2)

        self.signoffLayout.setColumnStretch(0, 1)

        self.recordsRow.addWidget(self.signoffGroup)

        self.recordsRow.setStretch(0, 1)
        self.recordsRow.setStretch(1, 1)

        self.detailLayout.addLayout(self.recordsRow)

        self.detailSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailLayout.addItem(self.detailSpacer)

        self.detailScroll.setWidget(self.detailContents)

        self.detailPageLayout.addWidget(self.detailScroll)

        self.detailStack.addWidget(self.detailPage)
        self.splitter.addWidget(self.detailStack)
        self.mainSplitter.addWidget(self.splitter)
        self.checklistSplitter = QSplitter(self.mainSplitter)
        self.checklistSplitter.setObjectName(u"checklistSplitter")
        self.checklistSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.checklistSplitter.setChildrenCollapsible(False)
        self.checklistGroup = QGroupBox(self.checklistSplitter)
        self.checklistGroup.setObjectName(u"checklistGroup")
        self.checklistLayout = QVBoxLayout(self.checklistGroup)
        self.checklistLayout.setObjectName(u"checklistLayout")
        self.checklistLayout.setContentsMargins(4, 4, 4, 4)
        self.checklistTable = QTableView(self.checklistGroup)
        self.checklistTable.setObjectName(u"checklistTable")
        self.checklistTable.setMinimumSize(QSize(0, 180))
        self.checklistTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklistTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checklistTable.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.checklistTable.setWordWrap(True)

        self.checklistLayout.addWidget(self.checklistTable)

        self.checklistSplitter.addWidget(self.checklistGroup)
        self.factsGroup = QGroupBox(self.checklistSplitter)
        self.factsGroup.setObjectName(u"factsGroup")
        self.factsLayout = QVBoxLayout(self.factsGroup)
        self.factsLayout.setObjectName(u"factsLayout")
        self.factsLayout.setContentsMargins(4, 4, 4, 4)
        self.sourceRow = QHBoxLayout()
        self.sourceRow.setObjectName(u"sourceRow")
        self.sourceLabel = QLabel(self.factsGroup)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.sourceRow.addWidget(self.sourceLabel)

        self.sourceField = QLineEdit(self.factsGroup)
        self.sourceField.setObjectName(u"sourceField")

        self.sourceRow.addWidget(self.sourceField)


        self.factsLayout.addLayout(self.sourceRow)

        self.factsTable = QTableView(self.factsGroup)
        self.factsTable.setObjectName(u"factsTable")
        self.factsTable.setMinimumSize(QSize(0, 140))
        self.factsTable.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.SelectedClicked|QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.factsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.factsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.factsTable.setAlternatingRowColors(True)
        self.factsTable.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.factsTable.setWordWrap(False)

        self.factsLayout.addWidget(self.factsTable)

        self.checklistSplitter.addWidget(self.factsGroup)
        self.mainSplitter.addWidget(self.checklistSplitter)

        self.layout.addWidget(self.mainSplitter)

        self.statusLabel = QLabel(EligibilityTab)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.statusLabel)

        self.layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.assessmentLabel.setBuddy(self.assessmentDateEdit)
        self.sourceLabel.setBuddy(self.sourceField)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EligibilityTab)

        QMetaObject.connectSlotsByName(EligibilityTab)
    # setupUi

    def retranslateUi(self, EligibilityTab):
        self.searchField.setPlaceholderText(QCoreApplication.translate("EligibilityTab", u"Search screening no., subject no. or name\u2026", None))
#if QT_CONFIG(tooltip)
        self.statusFilter.setToolTip(QCoreApplication.translate("EligibilityTab", u"Show subjects with one status", None))
#endif // QT_CONFIG(tooltip)
        self.registerButton.setText(QCoreApplication.translate("EligibilityTab", u"&Register subject\u2026", None))
#if QT_CONFIG(tooltip)
        self.registerButton.setToolTip(QCoreApplication.translate("EligibilityTab", u"Register a new candidate in screening; the next screening number is given", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("EligibilityTab", u"&Import log\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("EligibilityTab", u"Import the site's screening log (CSV): all rows or none", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("EligibilityTab", u"Read the site's screening log saved as CSV: every row is checked first, and nothing is imported if any row has a problem", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("EligibilityTab", u"E&xport log\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("EligibilityTab", u"Export the screening log as CSV or PDF", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("EligibilityTab", u"Save the screening log of this trial as CSV (for the monitor's spreadsheet) or PDF (for the file)", None))
#endif // QT_CONFIG(tooltip)
        self.emptyLabel.setText(QCoreApplication.translate("EligibilityTab", u"Select a subject to see their checklist, or register a new candidate.", None))
        self.editDetailsButton.setText(QCoreApplication.translate("EligibilityTab", u"&Edit details\u2026", None))
#if QT_CONFIG(tooltip)
        self.editDetailsButton.setToolTip(QCoreApplication.translate("EligibilityTab", u"Correct the name, sex, date of birth, phone or identity number", None))
#endif // QT_CONFIG(tooltip)
        self.assessmentLabel.setText(QCoreApplication.translate("EligibilityTab", u"&Assessed on:", None))
#if QT_CONFIG(tooltip)
        self.assessmentDateEdit.setToolTip(QCoreApplication.translate("EligibilityTab", u"The day the criteria are assessed on (ages, durations and \"within N weeks\" count to this day). A paper screening entered later may be back-dated.", None))
#endif // QT_CONFIG(tooltip)
        self.assessmentApplyButton.setText(QCoreApplication.translate("EligibilityTab", u"Change date", None))
#if QT_CONFIG(tooltip)
        self.assessmentApplyButton.setToolTip(QCoreApplication.translate("EligibilityTab", u"Assess the criteria on the date chosen at the left", None))
#endif // QT_CONFIG(tooltip)
        self.enrolButton.setText(QCoreApplication.translate("EligibilityTab", u"E&nrol\u2026", None))
        self.screenFailButton.setText(QCoreApplication.translate("EligibilityTab", u"Screen &fail\u2026", None))
        self.withdrawButton.setText(QCoreApplication.translate("EligibilityTab", u"&Withdraw\u2026", None))
        self.completeButton.setText(QCoreApplication.translate("EligibilityTab", u"Co&mplete\u2026", None))
        self.consentGroup.setTitle(QCoreApplication.translate("EligibilityTab", u"Informed consent", None))
        self.consentButton.setText(QCoreApplication.translate("EligibilityTab", u"Record &consent\u2026", None))
#if QT_CONFIG(tooltip)
        self.consentButton.setToolTip(QCoreApplication.translate("EligibilityTab", u"Record the signed informed consent form: version, date and time, who obtained it", None))
#endif // QT_CONFIG(tooltip)
        self.signoffGroup.setTitle(QCoreApplication.translate("EligibilityTab", u"Investigator sign-off", None))
        self.signButton.setText(QCoreApplication.translate("EligibilityTab", u"&Sign verdict\u2026", None))
        self.checklistGroup.setTitle(QCoreApplication.translate("EligibilityTab", u"Checklist (IN inclusion, EX exclusion)", None))
        self.factsGroup.setTitle(QCoreApplication.translate("EligibilityTab", u"Facts (double-click a value to enter it)", None))
        self.sourceLabel.setText(QCoreApplication.translate("EligibilityTab", u"S&ource of new entries:", None))
        self.sourceField.setPlaceholderText(QCoreApplication.translate("EligibilityTab", u"e.g. outpatient record 2021-10-12", None))
#if QT_CONFIG(tooltip)
        self.sourceField.setToolTip(QCoreApplication.translate("EligibilityTab", u"Recorded as the source of each value you enter that has no source yet; edit the Source column to change one fact's source", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

