# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_tab.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCalendarWidget, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QListView,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_CalendarTab(object):
    def setupUi(self, CalendarTab):
        if not CalendarTab.objectName():
            CalendarTab.setObjectName(u"CalendarTab")
        self.layout = QHBoxLayout(CalendarTab)
        self.layout.setObjectName(u"layout")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.calendar = QCalendarWidget(CalendarTab)
        self.calendar.setObjectName(u"calendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.calendar.setMinimumSize(QSize(420, 300))

        self.leftColumn.addWidget(self.calendar)

        self.navigation = QHBoxLayout()
        self.navigation.setObjectName(u"navigation")
        self.todayButton = QPushButton(CalendarTab)
        self.todayButton.setObjectName(u"todayButton")

        self.navigation.addWidget(self.todayButton)

        self.navigationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navigation.addItem(self.navigationSpacer)


        self.leftColumn.addLayout(self.navigation)

        self.enrolledGroup = QGroupBox(CalendarTab)
        self.enrolledGroup.setObjectName(u"enrolledGroup")
        self.enrolledLayout = QVBoxLayout(self.enrolledGroup)
        self.enrolledLayout.setObjectName(u"enrolledLayout")
        self.enrolledList = QListView(self.enrolledGroup)
        self.enrolledList.setObjectName(u"enrolledList")

        self.enrolledLayout.addWidget(self.enrolledList)


        self.leftColumn.addWidget(self.enrolledGroup)


        self.layout.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.dayHeading = QLabel(CalendarTab)
        self.dayHeading.setObjectName(u"dayHeading")

        self.rightColumn.addWidget(self.dayHeading)

        self.agendaTable = QTableView(CalendarTab)
        self.agendaTable.setObjectName(u"agendaTable")
        self.agendaTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agendaTable.setAlternatingRowColors(True)

        self.rightColumn.addWidget(self.agendaTable)

        self.agendaEmpty = QLabel(CalendarTab)
        self.agendaEmpty.setObjectName(u"agendaEmpty")
        self.agendaEmpty.setWordWrap(True)

        self.rightColumn.addWidget(self.agendaEmpty)


        self.layout.addLayout(self.rightColumn)


        self.retranslateUi(CalendarTab)

        QMetaObject.connectSlotsByName(CalendarTab)
    # setupUi

    def retranslateUi(self, CalendarTab):
        self.todayButton.setText(QCoreApplication.translate("CalendarTab", u"&Today", None))
        self.enrolledGroup.setTitle(QCoreApplication.translate("CalendarTab", u"Enrolled subjects awaiting a schedule", None))
        pass
    # retranslateUi

