# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contacts_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QStackedWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_ContactsTab(object):
    def setupUi(self, ContactsTab):
        if not ContactsTab.objectName():
            ContactsTab.setObjectName(u"ContactsTab")
        self.layout = QVBoxLayout(ContactsTab)
        self.layout.setObjectName(u"layout")
        self.filterBar = QHBoxLayout()
        self.filterBar.setObjectName(u"filterBar")
        self.searchField = QLineEdit(ContactsTab)
        self.searchField.setObjectName(u"searchField")
        self.searchField.setClearButtonEnabled(True)

        self.filterBar.addWidget(self.searchField)

        self.categoryFilter = QComboBox(ContactsTab)
        self.categoryFilter.setObjectName(u"categoryFilter")
        self.categoryFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterBar.addWidget(self.categoryFilter)

        self.showRetired = QCheckBox(ContactsTab)
        self.showRetired.setObjectName(u"showRetired")

        self.filterBar.addWidget(self.showRetired)

        self.countLabel = QLabel(ContactsTab)
        self.countLabel.setObjectName(u"countLabel")

        self.filterBar.addWidget(self.countLabel)


        self.layout.addLayout(self.filterBar)

        self.tableStack = QStackedWidget(ContactsTab)
        self.tableStack.setObjectName(u"tableStack")
        self.tablePage = QWidget()
        self.tablePage.setObjectName(u"tablePage")
        self.tablePageLayout = QVBoxLayout(self.tablePage)
        self.tablePageLayout.setObjectName(u"tablePageLayout")
        self.tablePageLayout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView(self.tablePage)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.tablePageLayout.addWidget(self.table)

        self.tableStack.addWidget(self.tablePage)
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyPageLayout = QVBoxLayout(self.emptyPage)
        self.emptyPageLayout.setObjectName(u"emptyPageLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.emptyPageLayout.addWidget(self.emptyLabel)

        self.tableStack.addWidget(self.emptyPage)

        self.layout.addWidget(self.tableStack)

        self.buttonBar = QHBoxLayout()
        self.buttonBar.setObjectName(u"buttonBar")
        self.addButton = QPushButton(ContactsTab)
        self.addButton.setObjectName(u"addButton")

        self.buttonBar.addWidget(self.addButton)

        self.editButton = QPushButton(ContactsTab)
        self.editButton.setObjectName(u"editButton")

        self.buttonBar.addWidget(self.editButton)

        self.retireButton = QPushButton(ContactsTab)
        self.retireButton.setObjectName(u"retireButton")

        self.buttonBar.addWidget(self.retireButton)

        self.statusLabel = QLabel(ContactsTab)
        self.statusLabel.setObjectName(u"statusLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.statusLabel.sizePolicy().hasHeightForWidth())
        self.statusLabel.setSizePolicy(sizePolicy)
        self.statusLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttonBar.addWidget(self.statusLabel)

        self.copyPhoneButton = QPushButton(ContactsTab)
        self.copyPhoneButton.setObjectName(u"copyPhoneButton")

        self.buttonBar.addWidget(self.copyPhoneButton)

        self.copyEmailButton = QPushButton(ContactsTab)
        self.copyEmailButton.setObjectName(u"copyEmailButton")

        self.buttonBar.addWidget(self.copyEmailButton)


        self.layout.addLayout(self.buttonBar)


        self.retranslateUi(ContactsTab)

        QMetaObject.connectSlotsByName(ContactsTab)
    # setupUi

    def retranslateUi(self, ContactsTab):
        self.searchField.setPlaceholderText(QCoreApplication.translate("ContactsTab", u"Search name, organisation, role, phone, e-mail, duty\u2026", None))
#if QT_CONFIG(tooltip)
        self.categoryFilter.setToolTip(QCoreApplication.translate("ContactsTab", u"Show one kind of contact", None))
#endif // QT_CONFIG(tooltip)
        self.showRetired.setText(QCoreApplication.translate("ContactsTab", u"Show &retired", None))
#if QT_CONFIG(tooltip)
        self.showRetired.setToolTip(QCoreApplication.translate("ContactsTab", u"Also list contacts who have left; they stay in the delegation log", None))
#endif // QT_CONFIG(tooltip)
        self.countLabel.setText("")
        self.emptyLabel.setText("")
        self.addButton.setText(QCoreApplication.translate("ContactsTab", u"&Add contact\u2026", None))
        self.editButton.setText(QCoreApplication.translate("ContactsTab", u"&Edit\u2026", None))
        self.retireButton.setText(QCoreApplication.translate("ContactsTab", u"Re&tire\u2026", None))
        self.statusLabel.setText("")
        self.copyPhoneButton.setText(QCoreApplication.translate("ContactsTab", u"Copy &phone", None))
        self.copyEmailButton.setText(QCoreApplication.translate("ContactsTab", u"Copy e-&mail", None))
        pass
    # retranslateUi

