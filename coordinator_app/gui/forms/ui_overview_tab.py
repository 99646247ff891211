# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'overview_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QProgressBar, QScrollArea,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_OverviewTab(object):
    def setupUi(self, OverviewTab):
        if not OverviewTab.objectName():
            OverviewTab.setObjectName(u"OverviewTab")
        self.outerLayout = QVBoxLayout(OverviewTab)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(OverviewTab)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page = QWidget()
        self.page.setObjectName(u"page")
        self.pageLayout = QVBoxLayout(self.page)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleValue = QLabel(self.page)
        self.titleValue.setObjectName(u"titleValue")
        self.titleValue.setWordWrap(True)
        self.titleValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.titleValue)

        self.subtitleValue = QLabel(self.page)
        self.subtitleValue.setObjectName(u"subtitleValue")
        self.subtitleValue.setWordWrap(True)
        self.subtitleValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.subtitleValue)

        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.studyGroup = QGroupBox(self.page)
        self.studyGroup.setObjectName(u"studyGroup")
        self.studyGroupLayout = QGridLayout(self.studyGroup)
        self.studyGroupLayout.setObjectName(u"studyGroupLayout")
        self.nctLabel = QLabel(self.studyGroup)
        self.nctLabel.setObjectName(u"nctLabel")

        self.studyGroupLayout.addWidget(self.nctLabel, 0, 0, 1, 1)

        self.nctValue = QLabel(self.studyGroup)
        self.nctValue.setObjectName(u"nctValue")
        self.nctValue.setWordWrap(True)
        self.nctValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.studyGroupLayout.addWidget(self.nctValue, 0, 1, 1, 1)

        self.orgIdLabel = QLabel(self.studyGroup)
        self.orgIdLabel.setObjectName(u"orgIdLabel")

        self.studyGroupLayout.addWidget(self.orgIdLabel, 1, 0, 1, 1)

        self.orgIdValue = QLabel(self.studyGroup)
        self.orgIdValue.setObjectName(u"orgIdValue")
        self.orgIdValue.setWordWrap(True)
        self.orgIdValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.studyGroupLayout.addWidget(self.orgIdValue, 1, 1, 1, 1)

        self.phaseLabel = QLabel(self.studyGroup)
        self.phaseLabel.setObjectName(u"phaseLabel")

        self.studyGroupLayout.addWidget(self.phaseLabel, 2, 0, 1, 1)

        self.phaseValue = QLabel(self.studyGroup)
        self.phaseValue.setObjectName(u"phaseValue")
        self.phaseValue.setWordWrap(True)
        self.phaseValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.studyGroupLayout.addWidget(self.phaseValue, 2, 1, 1, 1)

        self.statusLabel = QLabel(self.studyGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.studyGroupLayout.addWidget(self.statusLabel, 3, 0, 1, 1)

        self.statusValue = QLabel(self.studyGroup)
        self.statusValue.setObjectName(u"statusValue")
        self.statusValue.setWordWrap(True)
        self.statusValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.studyGroupLayout.addWidget(self.statusValue, 3, 1, 1, 1)

        self.datesLabel = QLabel(self.studyGroup)
        self.datesLabel.setObjectName(u"datesLabel")

        self.studyGroupLayout.addWidget(self.datesLabel, 4, 0, 1, 1)

        self.datesValue = QLabel(self.studyGroup)
        self.datesValue.setObjectName(u"datesValue")
        self.datesValue.setWordWrap(True)
        self.datesValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.studyGroupLayout.addWidget(self.datesValue, 4, 1, 1, 1)

        self.designLabel = QLabel(self.studyGroup)
        self.designLabel.setObjectName(u"designLabel")

        self.studyGroupLayout.addWidget(self.designLabel, 5, 0, 1, 1)

        self.designValue = QLabel(self.studyGroup)
        self.designValue.setObjectName(u"designValue")
        self.designValue.setWordWrap(True)
        self.designValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.studyGroupLayout.addWidget(self.designValue, 5, 1, 1, 1)

        self.conditionsLabel = QLabel(self.studyGroup)
        self.conditionsLabel.setObjectName(u"conditionsLabel")

        self.studyGroupLayout.addWidget(self.conditionsLabel, 6, 0, 1, 1)

        self.conditionsValue = QLabel(self.studyGroup)
        self.conditionsValue.setObjectName(u"conditionsValue")
        self.conditionsValue.setWordWrap(True)
        self.conditionsValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.studyGroupLayout.addWidget(self.conditionsValue, 6, 1, 1, 1)

        self.studyGroupLayout.setColumnStretch(1, 1)

        self.leftColumn.addWidget(self.studyGroup)

        self.armGroup = QGroupBox(self.page)
        self.armGroup.setObjectName(u"armGroup")
        self.armGroupLayout = QGridLayout(self.armGroup)
        self.armGroupLayout.setObjectName(u"armGroupLayout")
        self.armLabel = QLabel(self.armGroup)
        self.armLabel.setObjectName(u"armLabel")

        self.armGroupLayout.addWidget(self.armLabel, 0, 0, 1, 1)

        self.armValue = QLabel(self.armGroup)
        self.armValue.setObjectName(u"armValue")
        self.armValue.setWordWrap(True)
        self.armValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.armGroupLayout.addWidget(self.armValue, 0, 1, 1, 1)

        self.interventionLabel = QLabel(self.armGroup)
        self.interventionLabel.setObjectName(u"interventionLabel")

        self.armGroupLayout.addWidget(self.interventionLabel, 1, 0, 1, 1)

        self.interventionValue = QLabel(self.armGroup)
        self.interventionValue.setObjectName(u"interventionValue")
        self.interventionValue.setWordWrap(True)
        self.interventionValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.armGroupLayout.addWidget(self.interventionValue, 1, 1, 1, 1)

        self.doseLabel = QLabel(self.armGroup)
        self.doseLabel.setObjectName(u"doseLabel")

        self.armGroupLayout.addWidget(self.doseLabel, 2, 0, 1, 1)

        self.doseValue = QLabel(self.armGroup)
        self.doseValue.setObjectName(u"doseValue")
        self.doseValue.setWordWrap(True)
        self.doseValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.armGroupLayout.addWidget(self.doseValue, 2, 1, 1, 1)

        self.armGroupLayout.setColumnStretch(1, 1)

        self.leftColumn.addWidget(self.armGroup)

        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.columns.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.enrolmentGroup = QGroupBox(self.page)
        self.enrolmentGroup.setObjectName(u"enrolmentGroup")
        self.enrolmentLayout = QVBoxLayout(self.enrolmentGroup)
        self.enrolmentLayout.setObjectName(u"enrolmentLayout")
        self.enrolmentSummary = QLabel(self.enrolmentGroup)
        self.enrolmentSummary.setObjectName(u"enrolmentSummary")
        self.enrolmentSummary.setWordWrap(True)

        self.enrolmentLayout.addWidget(self.enrolmentSummary)

        self.enrolmentBar = QProgressBar(self.enrolmentGroup)
        self.enrolmentBar.setObjectName(u"enrolmentBar")
        self.enrolmentBar.setTextVisible(True)

        self.enrolmentLayout.addWidget(self.enrolmentBar)

        self.countsGrid = QGridLayout()
        self.countsGrid.setObjectName(u"countsGrid")

        self.enrolmentLayout.addLayout(self.countsGrid)


        self.rightColumn.addWidget(self.enrolmentGroup)

        self.visitsGroup = QGroupBox(self.page)
        self.visitsGroup.setObjectName(u"visitsGroup")
        self.visitsLayout = QVBoxLayout(self.visitsGroup)
        self.visitsLayout.setObjectName(u"visitsLayout")
        self.visitsValue = QLabel(self.visitsGroup)
        self.visitsValue.setObjectName(u"visitsValue")
        self.visitsValue.setWordWrap(True)

        self.visitsLayout.addWidget(self.visitsValue)


        self.rightColumn.addWidget(self.visitsGroup)

        self.sponsorGroup = QGroupBox(self.page)
        self.sponsorGroup.setObjectName(u"sponsorGroup")
        self.sponsorGroupLayout = QGridLayout(self.sponsorGroup)
        self.sponsorGroupLayout.setObjectName(u"sponsorGroupLayout")
        self.sponsorLabel = QLabel(self.sponsorGroup)
        self.sponsorLabel.setObjectName(u"sponsorLabel")

        self.sponsorGroupLayout.addWidget(self.sponsorLabel, 0, 0, 1, 1)

        self.sponsorValue = QLabel(self.sponsorGroup)
        self.sponsorValue.setObjectName(u"sponsorValue")
        self.sponsorValue.setWordWrap(True)
        self.sponsorValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sponsorGroupLayout.addWidget(self.sponsorValue, 0, 1, 1, 1)

        self.siteLabel = QLabel(self.sponsorGroup)
        self.siteLabel.setObjectName(u"siteLabel")

        self.sponsorGroupLayout.addWidget(self.siteLabel, 1, 0, 1, 1)

        self.siteValue = QLabel(self.sponsorGroup)
        self.siteValue.setObjectName(u"siteValue")
        self.siteValue.setWordWrap(True)
        self.siteValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sponsorGroupLayout.addWidget(self.siteValue, 1, 1, 1, 1)

        self.contactLabel = QLabel(self.sponsorGroup)
        self.contactLabel.setObjectName(u"contactLabel")

        self.sponsorGroupLayout.addWidget(self.contactLabel, 2, 0, 1, 1)

        self.contactValue = QLabel(self.sponsorGroup)
        self.contactValue.setObjectName(u"contactValue")
        self.contactValue.setWordWrap(True)
        self.contactValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sponsorGroupLayout.addWidget(self.contactValue, 2, 1, 1, 1)

        self.sponsorGroupLayout.setColumnStretch(1, 1)

        self.rightColumn.addWidget(self.sponsorGroup)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columns.addLayout(self.rightColumn)


        self.pageLayout.addLayout(self.columns)

        self.scroll.setWidget(self.page)

        self.outerLayout.addWidget(self.scroll)


        self.retranslateUi(OverviewTab)

        QMetaObject.connectSlotsByName(OverviewTab)
    # setupUi

    def retranslateUi(self, OverviewTab):
        self.studyGroup.setTitle(QCoreApplication.translate("OverviewTab", u"Study", None))
        self.nctLabel.setText(QCoreApplication.translate("OverviewTab", u"NCT number", None))
        self.orgIdLabel.setText(QCoreApplication.translate("OverviewTab", u"Sponsor study ID", None))
        self.phaseLabel.setText(QCoreApplication.translate("OverviewTab", u"Phase", None))
        self.statusLabel.setText(QCoreApplication.translate("OverviewTab", u"Recruitment status", None))
        self.datesLabel.setText(QCoreApplication.translate("OverviewTab", u"Start \u2013 completion", None))
        self.designLabel.setText(QCoreApplication.translate("OverviewTab", u"Design", None))
        self.conditionsLabel.setText(QCoreApplication.translate("OverviewTab", u"Condition", None))
        self.armGroup.setTitle(QCoreApplication.translate("OverviewTab", u"Arm and dose", None))
        self.armLabel.setText(QCoreApplication.translate("OverviewTab", u"Arm", None))
        self.interventionLabel.setText(QCoreApplication.translate("OverviewTab", u"Intervention", None))
        self.doseLabel.setText(QCoreApplication.translate("OverviewTab", u"Dose", None))
        self.enrolmentGroup.setTitle(QCoreApplication.translate("OverviewTab", u"Enrolment", None))
        self.visitsGroup.setTitle(QCoreApplication.translate("OverviewTab", u"Next visits due", None))
        self.sponsorGroup.setTitle(QCoreApplication.translate("OverviewTab", u"Sponsor and site", None))
        self.sponsorLabel.setText(QCoreApplication.translate("OverviewTab", u"Sponsor", None))
        self.siteLabel.setText(QCoreApplication.translate("OverviewTab", u"Site", None))
        self.contactLabel.setText(QCoreApplication.translate("OverviewTab", u"Central contact", None))
        pass
    # retranslateUi

