# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QMainWindow, QMenu, QMenuBar, QSizePolicy,
    QStatusBar, QTabWidget, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1180, 780)
        self.loadProtocolAction = QAction(MainWindow)
        self.loadProtocolAction.setObjectName(u"loadProtocolAction")
        self.importCtgovAction = QAction(MainWindow)
        self.importCtgovAction.setObjectName(u"importCtgovAction")
        self.quitAction = QAction(MainWindow)
        self.quitAction.setObjectName(u"quitAction")
        self.refreshAction = QAction(MainWindow)
        self.refreshAction.setObjectName(u"refreshAction")
        self.auditTrailAction = QAction(MainWindow)
        self.auditTrailAction.setObjectName(u"auditTrailAction")
        self.subjectHistoryAction = QAction(MainWindow)
        self.subjectHistoryAction.setObjectName(u"subjectHistoryAction")
        self.changePasswordAction = QAction(MainWindow)
        self.changePasswordAction.setObjectName(u"changePasswordAction")
        self.lockAction = QAction(MainWindow)
        self.lockAction.setObjectName(u"lockAction")
        self.staffAction = QAction(MainWindow)
        self.staffAction.setObjectName(u"staffAction")
        self.aboutAction = QAction(MainWindow)
        self.aboutAction.setObjectName(u"aboutAction")
        self.aboutAction.setMenuRole(QAction.MenuRole.AboutRole)
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QVBoxLayout(self.central)
        self.centralLayout.setObjectName(u"centralLayout")
        self.trialBar = QHBoxLayout()
        self.trialBar.setObjectName(u"trialBar")
        self.trialLabel = QLabel(self.central)
        self.trialLabel.setObjectName(u"trialLabel")

        self.trialBar.addWidget(self.trialLabel)

        self.trialSelector = QComboBox(self.central)
        self.trialSelector.setObjectName(u"trialSelector")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.trialSelector.sizePolicy().hasHeightForWidth())
        self.trialSelector.setSizePolicy(sizePolicy)
        self.trialSelector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.trialSelector.setMinimumContentsLength(24)

        self.trialBar.addWidget(self.trialSelector)

        self.demoBanner = QLabel(self.central)
        self.demoBanner.setObjectName(u"demoBanner")
        self.demoBanner.setStyleSheet(u"background: #b3261e; color: white; font-weight: bold; padding: 3px 8px; border-radius: 3px;")

        self.trialBar.addWidget(self.demoBanner)


        self.centralLayout.addLayout(self.trialBar)

        self.tabs = QTabWidget(self.central)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)

        self.centralLayout.addWidget(self.tabs)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.fileMenu = QMenu(self.menubar)
        self.fileMenu.setObjectName(u"fileMenu")
        self.viewMenu = QMenu(self.menubar)
        self.viewMenu.setObjectName(u"viewMenu")
        self.languageMenu = QMenu(self.viewMenu)
        self.languageMenu.setObjectName(u"languageMenu")
        self.toolsMenu = QMenu(self.menubar)
        self.toolsMenu.setObjectName(u"toolsMenu")
        self.accountMenu = QMenu(self.menubar)
        self.accountMenu.setObjectName(u"accountMenu")
        self.helpMenu = QMenu(self.menubar)
        self.helpMenu.setObjectName(u"helpMenu")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.trialLabel.setBuddy(self.trialSelector)
#endif // QT_CONFIG(shortcut)

        self.menubar.addAction(self.fileMenu.menuAction())
        self.menubar.addAction(self.viewMenu.menuAction())
        self.menubar.addAction(self.toolsMenu.menuAction())
        self.menubar.addAction(self.accountMenu.menuAction())
        self.menubar.addAction(self.helpMenu.menuAction())
        self.fileMenu.addAction(self.loadProtocolAction)
        self.fileMenu.addAction(self.importCtgovAction)
        self.fileMenu.addSeparator()
        self.fileMenu.addAction(self.quitAction)
        self.viewMenu.addAction(self.refreshAction)
        self.viewMenu.addSeparator()
        self.viewMenu.addAction(self.languageMenu.menuAction())
        self.viewMenu.addSeparator()
        self.toolsMenu.addAction(self.auditTrailAction)
        self.toolsMenu.addAction(self.subjectHistoryAction)
        self.accountMenu.addAction(self.changePasswordAction)
        self.accountMenu.addAction(self.lockAction)
        self.accountMenu.addSeparator()
        self.accountMenu.addAction(self.staffAction)
        self.helpMenu.addAction(self.aboutAction)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Trial Coordinator", None))
        self.loadProtocolAction.setText(QCoreApplication.translate("MainWindow", u"&Load protocol file\u2026", None))
#if QT_CONFIG(tooltip)
        self.loadProtocolAction.setToolTip(QCoreApplication.translate("MainWindow", u"Add a trial, or update one, from a protocol file (TOML)", None))
#endif // QT_CONFIG(tooltip)
        self.importCtgovAction.setText(QCoreApplication.translate("MainWindow", u"&Import ClinicalTrials.gov record\u2026", None))
#if QT_CONFIG(tooltip)
        self.importCtgovAction.setToolTip(QCoreApplication.translate("MainWindow", u"Add a trial from a study record downloaded from ClinicalTrials.gov (API v2 JSON)", None))
#endif // QT_CONFIG(tooltip)
        self.quitAction.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(shortcut)
        self.quitAction.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.refreshAction.setText(QCoreApplication.translate("MainWindow", u"&Refresh", None))
#if QT_CONFIG(shortcut)
        self.refreshAction.setShortcut(QCoreApplication.translate("MainWindow", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.auditTrailAction.setText(QCoreApplication.translate("MainWindow", u"&Audit trail\u2026", None))
#if QT_CONFIG(tooltip)
        self.auditTrailAction.setToolTip(QCoreApplication.translate("MainWindow", u"Who changed what and when, for every subject and table; export it or check its hash chain", None))
#endif // QT_CONFIG(tooltip)
        self.subjectHistoryAction.setText(QCoreApplication.translate("MainWindow", u"Subject &history\u2026", None))
#if QT_CONFIG(tooltip)
        self.subjectHistoryAction.setToolTip(QCoreApplication.translate("MainWindow", u"The audit trail of the subject chosen on the Eligibility tab", None))
#endif // QT_CONFIG(tooltip)
        self.changePasswordAction.setText(QCoreApplication.translate("MainWindow", u"&Change password\u2026", None))
        self.lockAction.setText(QCoreApplication.translate("MainWindow", u"&Lock now", None))
#if QT_CONFIG(tooltip)
        self.lockAction.setToolTip(QCoreApplication.translate("MainWindow", u"Hide every window until your password is typed again", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.lockAction.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+L", None))
#endif // QT_CONFIG(shortcut)
        self.staffAction.setText(QCoreApplication.translate("MainWindow", u"&Staff accounts\u2026", None))
#if QT_CONFIG(tooltip)
        self.staffAction.setToolTip(QCoreApplication.translate("MainWindow", u"Add staff, change roles, unlock accounts, reset passwords (administrators)", None))
#endif // QT_CONFIG(tooltip)
        self.aboutAction.setText(QCoreApplication.translate("MainWindow", u"&About Trial Coordinator\u2026", None))
#if QT_CONFIG(tooltip)
        self.aboutAction.setToolTip(QCoreApplication.translate("MainWindow", u"Version, and the licences of the bundled font and libraries", None))
#endif // QT_CONFIG(tooltip)
        self.trialLabel.setText(QCoreApplication.translate("MainWindow", u"&Trial:", None))
#if QT_CONFIG(tooltip)
        self.trialSelector.setToolTip(QCoreApplication.translate("MainWindow", u"The trial shown in every tab", None))
#endif // QT_CONFIG(tooltip)
        self.demoBanner.setText(QCoreApplication.translate("MainWindow", u"DEMO DATA: synthetic subjects for training only", None))
        self.fileMenu.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.viewMenu.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.languageMenu.setTitle(QCoreApplication.translate("MainWindow", u"&Language", None))
        self.toolsMenu.setTitle(QCoreApplication.translate("MainWindow", u"&Tools", None))
        self.accountMenu.setTitle(QCoreApplication.translate("MainWindow", u"&Account", None))
        self.helpMenu.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

