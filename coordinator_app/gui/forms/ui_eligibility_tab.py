# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'eligibility_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QSizePolicy,
    QSplitter, QTableView, QVBoxLayout, QWidget)

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


        self.layout.addLayout(self.filterBar)

        self.splitter = QSplitter(EligibilityTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.subjectTable = QTableView(self.splitter)
        self.subjectTable.setObjectName(u"subjectTable")
        self.subjectTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.subjectTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.subjectTable.setSortingEnabled(True)
        self.subjectTable.setAlternatingRowColors(True)
        self.subjectTable.setWordWrap(False)
        self.splitter.addWidget(self.subjectTable)
        self.detailPanel = QWidget(self.splitter)
        self.detailPanel.setObjectName(u"detailPanel")
        self.detailLayout = QVBoxLayout(self.detailPanel)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.subjectHeading = QLabel(self.detailPanel)
        self.subjectHeading.setObjectName(u"subjectHeading")
        self.subjectHeading.setWordWrap(True)

        self.detailLayout.addWidget(self.subjectHeading)

        self.subjectDetails = QLabel(self.detailPanel)
        self.subjectDetails.setObjectName(u"subjectDetails")
        self.subjectDetails.setWordWrap(True)
        self.subjectDetails.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.subjectDetails)

        self.criteriaHeading = QLabel(self.detailPanel)
        self.criteriaHeading.setObjectName(u"criteriaHeading")

        self.detailLayout.addWidget(self.criteriaHeading)

        self.criteriaTable = QTableView(self.detailPanel)
        self.criteriaTable.setObjectName(u"criteriaTable")
        self.criteriaTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.criteriaTable.setWordWrap(True)
        self.criteriaTable.setAlternatingRowColors(True)

        self.detailLayout.addWidget(self.criteriaTable)

        self.splitter.addWidget(self.detailPanel)

        self.layout.addWidget(self.splitter)

        self.layout.setStretch(1, 1)

        self.retranslateUi(EligibilityTab)

        QMetaObject.connectSlotsByName(EligibilityTab)
    # setupUi

    def retranslateUi(self, EligibilityTab):
        self.searchField.setPlaceholderText(QCoreApplication.translate("EligibilityTab", u"Search screening number, subject number or name\u2026", None))
#if QT_CONFIG(tooltip)
        self.statusFilter.setToolTip(QCoreApplication.translate("EligibilityTab", u"Show subjects with one status", None))
#endif // QT_CONFIG(tooltip)
        self.criteriaHeading.setText(QCoreApplication.translate("EligibilityTab", u"Eligibility criteria in the protocol", None))
        pass
    # retranslateUi

