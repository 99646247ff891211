# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCalendarWidget, QComboBox,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTabWidget, QTableView, QToolButton, QVBoxLayout,
    QWidget)

from coordinator_app.gui.calendar.month_view import (MarkerLegend, VisitCalendar)

class Ui_CalendarTab(object):
    def setupUi(self, CalendarTab):
        if not CalendarTab.objectName():
            CalendarTab.setObjectName(u"CalendarTab")
        self.layout = QVBoxLayout(CalendarTab)
        self.layout.setObjectName(u"layout")
        self.toolbar = QHBoxLayout()
        self.toolbar.setObjectName(u"toolbar")
        self.todayButton = QPushButton(CalendarTab)
        self.todayButton.setObjectName(u"todayButton")

        self.toolbar.addWidget(self.todayButton)

        self.summaryLabel = QLabel(CalendarTab)
        self.summaryLabel.setObjectName(u"summaryLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryLabel.sizePolicy().hasHeightForWidth())
        self.summaryLabel.setSizePolicy(sizePolicy)

        self.toolbar.addWidget(self.summaryLabel)

        self.exportButton = QToolButton(CalendarTab)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.exportButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.toolbar.addWidget(self.exportButton)


        self.layout.addLayout(self.toolbar)

        self.splitter = QSplitter(CalendarTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.monthPanel = QWidget(self.splitter)
        self.monthPanel.setObjectName(u"monthPanel")
        self.monthLayout = QVBoxLayout(self.monthPanel)
        self.monthLayout.setObjectName(u"monthLayout")
        self.monthLayout.setContentsMargins(0, 0, 0, 0)
        self.calendar = VisitCalendar(self.monthPanel)
        self.calendar.setObjectName(u"calendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)

        self.monthLayout.addWidget(self.calendar)

        self.legend = MarkerLegend(self.monthPanel)
        self.legend.setObjectName(u"legend")

        self.monthLayout.addWidget(self.legend)

        self.dayFlagLabel = QLabel(self.monthPanel)
        self.dayFlagLabel.setObjectName(u"dayFlagLabel")
        self.dayFlagLabel.setWordWrap(True)

        self.monthLayout.addWidget(self.dayFlagLabel)

        self.splitter.addWidget(self.monthPanel)
        self.listPanel = QWidget(self.splitter)
        self.listPanel.setObjectName(u"listPanel")
        self.listLayout = QVBoxLayout(self.listPanel)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget(self.listPanel)
        self.pages.setObjectName(u"pages")
        self.todayPage = QWidget()
        self.todayPage.setObjectName(u"todayPage")
        self.todayLayout = QVBoxLayout(self.todayPage)
        self.todayLayout.setObjectName(u"todayLayout")
        self.todayHeading = QLabel(self.todayPage)
        self.todayHeading.setObjectName(u"todayHeading")
        self.todayHeading.setWordWrap(True)

        self.todayLayout.addWidget(self.todayHeading)

        self.todayTable = QTableView(self.todayPage)
        self.todayTable.setObjectName(u"todayTable")
        self.todayTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.todayTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.todayTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.todayTable.setWordWrap(True)

        self.todayLayout.addWidget(self.todayTable)

        self.pages.addTab(self.todayPage, "")
        self.dayPage = QWidget()
        self.dayPage.setObjectName(u"dayPage")
        self.dayLayout = QVBoxLayout(self.dayPage)
        self.dayLayout.setObjectName(u"dayLayout")
        self.dayBar = QHBoxLayout()
        self.dayBar.setObjectName(u"dayBar")
        self.dayHeading = QLabel(self.dayPage)
        self.dayHeading.setObjectName(u"dayHeading")
        sizePolicy.setHeightForWidth(self.dayHeading.sizePolicy().hasHeightForWidth())
        self.dayHeading.setSizePolicy(sizePolicy)

        self.dayBar.addWidget(self.dayHeading)

        self.dayMode = QComboBox(self.dayPage)
        self.dayMode.setObjectName(u"dayMode")

        self.dayBar.addWidget(self.dayMode)


        self.dayLayout.addLayout(self.dayBar)

        self.dayTable = QTableView(self.dayPage)
        self.dayTable.setObjectName(u"dayTable")
        self.dayTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dayTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dayTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dayTable.setAlternatingRowColors(True)
        self.dayTable.setWordWrap(False)

        self.dayLayout.addWidget(self.dayTable)

        self.dayEmpty = QLabel(self.dayPage)
        self.dayEmpty.setObjectName(u"dayEmpty")
        self.dayEmpty.setWordWrap(True)

        self.dayLayout.addWidget(self.dayEmpty)

        self.pages.addTab(self.dayPage, "")
        self.timelinePage = QWidget()
        self.timelinePage.setObjectName(u"timelinePage")
        self.timelineLayout = QVBoxLayout(self.timelinePage)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.subjectBar = QHBoxLayout()
        self.subjectBar.setObjectName(u"subjectBar")
        self.subjectLabel = QLabel(self.timelinePage)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.subjectBar.addWidget(self.subjectLabel)

        self.subjectCombo = QComboBox(self.timelinePage)
        self.subjectCombo.setObjectName(u"subjectCombo")
        self.subjectCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.subjectBar.addWidget(self.subjectCombo)

        self.timelineSummary = QLabel(self.timelinePage)
        self.timelineSummary.setObjectName(u"timelineSummary")
        sizePolicy.setHeightForWidth(self.timelineSummary.sizePolicy().hasHeightForWidth())
        self.timelineSummary.setSizePolicy(sizePolicy)

        self.subjectBar.addWidget(self.timelineSummary)


        self.timelineLayout.addLayout(self.subjectBar)

        self.timelineSplitter = QSplitter(self.timelinePage)
        self.timelineSplitter.setObjectName(u"timelineSplitter")
        self.timelineSplitter.setOrientation(Qt.Orientation.Vertical)
        self.timelineSplitter.setChildrenCollapsible(False)
        self.timelineTable = QTableView(self.timelineSplitter)
        self.timelineTable.setObjectName(u"timelineTable")
        self.timelineTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timelineTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timelineTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timelineTable.setAlternatingRowColors(True)
        self.timelineTable.setWordWrap(False)
        self.timelineSplitter.addWidget(self.timelineTable)
        self.deviationsGroup = QGroupBox(self.timelineSplitter)
        self.deviationsGroup.setObjectName(u"deviationsGroup")
        self.deviationsLayout = QVBoxLayout(self.deviationsGroup)
        self.deviationsLayout.setObjectName(u"deviationsLayout")
        self.deviationTable = QTableView(self.deviationsGroup)
        self.deviationTable.setObjectName(u"deviationTable")
        self.deviationTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deviationTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deviationTable.setWordWrap(False)

        self.deviationsLayout.addWidget(self.deviationTable)

        self.timelineSplitter.addWidget(self.deviationsGroup)

        self.timelineLayout.addWidget(self.timelineSplitter)

        self.pages.addTab(self.timelinePage, "")
        self.awaitingPage = QWidget()
        self.awaitingPage.setObjectName(u"awaitingPage")
        self.awaitingLayout = QVBoxLayout(self.awaitingPage)
        self.awaitingLayout.setObjectName(u"awaitingLayout")
        self.awaitingHint = QLabel(self.awaitingPage)
        self.awaitingHint.setObjectName(u"awaitingHint")
        self.awaitingHint.setWordWrap(True)

        self.awaitingLayout.addWidget(self.awaitingHint)

        self.awaitingTable = QTableView(self.awaitingPage)
        self.awaitingTable.setObjectName(u"awaitingTable")
        self.awaitingTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.awaitingTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.awaitingTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.awaitingTable.setAlternatingRowColors(True)

        self.awaitingLayout.addWidget(self.awaitingTable)

        self.awaitingBar = QHBoxLayout()
        self.awaitingBar.setObjectName(u"awaitingBar")
        self.bookButton = QPushButton(self.awaitingPage)
        self.bookButton.setObjectName(u"bookButton")

        self.awaitingBar.addWidget(self.bookButton)

        self.awaitingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.awaitingBar.addItem(self.awaitingSpacer)


        self.awaitingLayout.addLayout(self.awaitingBar)

        self.pages.addTab(self.awaitingPage, "")

        self.listLayout.addWidget(self.pages)

        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.rescheduleButton = QPushButton(self.listPanel)
        self.rescheduleButton.setObjectName(u"rescheduleButton")

        self.actions.addWidget(self.rescheduleButton)

        self.recordButton = QPushButton(self.listPanel)
        self.recordButton.setObjectName(u"recordButton")

        self.actions.addWidget(self.recordButton)

        self.infusionButton = QPushButton(self.listPanel)
        self.infusionButton.setObjectName(u"infusionButton")

        self.actions.addWidget(self.infusionButton)

        self.timelineButton = QPushButton(self.listPanel)
        self.timelineButton.setObjectName(u"timelineButton")

        self.actions.addWidget(self.timelineButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.actionsSpacer)


        self.listLayout.addLayout(self.actions)

        self.splitter.addWidget(self.listPanel)

        self.layout.addWidget(self.splitter)

        self.statusLabel = QLabel(CalendarTab)
        self.statusLabel.setObjectName(u"statusLabel")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.statusLabel.sizePolicy().hasHeightForWidth())
        self.statusLabel.setSizePolicy(sizePolicy1)

        self.layout.addWidget(self.statusLabel)

        self.layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.subjectLabel.setBuddy(self.subjectCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CalendarTab)

        QMetaObject.connectSlotsByName(CalendarTab)
    # setupUi

    def retranslateUi(self, CalendarTab):
        self.todayButton.setText(QCoreApplication.translate("CalendarTab", u"&Today", None))
#if QT_CONFIG(tooltip)
        self.todayButton.setToolTip(QCoreApplication.translate("CalendarTab", u"Show today on the calendar and the morning's list", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("CalendarTab", u"&Export .ics", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("CalendarTab", u"Write visits as an iCalendar file for phones and calendar programs (subjects by number only)", None))
#endif // QT_CONFIG(tooltip)
        self.pages.setTabText(self.pages.indexOf(self.todayPage), QCoreApplication.translate("CalendarTab", u"Today", None))
        self.pages.setTabText(self.pages.indexOf(self.dayPage), QCoreApplication.translate("CalendarTab", u"Day / week", None))
        self.subjectLabel.setText(QCoreApplication.translate("CalendarTab", u"S&ubject:", None))
        self.deviationsGroup.setTitle(QCoreApplication.translate("CalendarTab", u"Deviations", None))
        self.pages.setTabText(self.pages.indexOf(self.timelinePage), QCoreApplication.translate("CalendarTab", u"Subject timeline", None))
        self.awaitingHint.setText(QCoreApplication.translate("CalendarTab", u"Enrolled subjects whose dose 1 is not booked yet. Booking dose 1 puts every visit of the protocol on the calendar.", None))
        self.bookButton.setText(QCoreApplication.translate("CalendarTab", u"&Book dose 1\u2026", None))
        self.pages.setTabText(self.pages.indexOf(self.awaitingPage), QCoreApplication.translate("CalendarTab", u"Awaiting dose 1", None))
        self.rescheduleButton.setText(QCoreApplication.translate("CalendarTab", u"Re&schedule\u2026", None))
        self.recordButton.setText(QCoreApplication.translate("CalendarTab", u"&Record outcome\u2026", None))
        self.infusionButton.setText(QCoreApplication.translate("CalendarTab", u"&Infusion record\u2026", None))
        self.timelineButton.setText(QCoreApplication.translate("CalendarTab", u"Time&line", None))
        pass
    # retranslateUi

