# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'subject_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_SubjectDialog(object):
    def setupUi(self, SubjectDialog):
        if not SubjectDialog.objectName():
            SubjectDialog.setObjectName(u"SubjectDialog")
        SubjectDialog.resize(480, 330)
        self.layout = QVBoxLayout(SubjectDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(SubjectDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.errorLabel = QLabel(SubjectDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"QLabel { color: #8a1c1c; background: #fdecea; border: 1px solid #e6a6a6; border-radius: 3px; padding: 6px; }")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.errorLabel)

        self.detailsForm = QFormLayout()
        self.detailsForm.setObjectName(u"detailsForm")
        self.detailsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.familyLabel = QLabel(SubjectDialog)
        self.familyLabel.setObjectName(u"familyLabel")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.familyLabel)

        self.familyEdit = QLineEdit(SubjectDialog)
        self.familyEdit.setObjectName(u"familyEdit")
        self.familyEdit.setMaxLength(100)

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.familyEdit)

        self.givenLabel = QLabel(SubjectDialog)
        self.givenLabel.setObjectName(u"givenLabel")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.givenLabel)

        self.givenEdit = QLineEdit(SubjectDialog)
        self.givenEdit.setObjectName(u"givenEdit")
        self.givenEdit.setMaxLength(100)

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.givenEdit)

        self.sexLabel = QLabel(SubjectDialog)
        self.sexLabel.setObjectName(u"sexLabel")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sexLabel)

        self.sexCombo = QComboBox(SubjectDialog)
        self.sexCombo.setObjectName(u"sexCombo")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sexCombo)

        self.birthLabel = QLabel(SubjectDialog)
        self.birthLabel.setObjectName(u"birthLabel")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.birthLabel)

        self.birthEdit = QDateEdit(SubjectDialog)
        self.birthEdit.setObjectName(u"birthEdit")
        self.birthEdit.setCalendarPopup(True)

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.birthEdit)

        self.phoneLabel = QLabel(SubjectDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(SubjectDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(40)

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.identityLabel = QLabel(SubjectDialog)
        self.identityLabel.setObjectName(u"identityLabel")

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.identityLabel)

        self.identityEdit = QLineEdit(SubjectDialog)
        self.identityEdit.setObjectName(u"identityEdit")
        self.identityEdit.setMaxLength(18)

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.identityEdit)


        self.layout.addLayout(self.detailsForm)

        self.verticalSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(SubjectDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.familyLabel.setBuddy(self.familyEdit)
        self.givenLabel.setBuddy(self.givenEdit)
        self.sexLabel.setBuddy(self.sexCombo)
        self.birthLabel.setBuddy(self.birthEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.identityLabel.setBuddy(self.identityEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.familyEdit, self.givenEdit)
        QWidget.setTabOrder(self.givenEdit, self.sexCombo)
        QWidget.setTabOrder(self.sexCombo, self.birthEdit)
        QWidget.setTabOrder(self.birthEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.identityEdit)

        self.retranslateUi(SubjectDialog)

        QMetaObject.connectSlotsByName(SubjectDialog)
    # setupUi

    def retranslateUi(self, SubjectDialog):
        SubjectDialog.setWindowTitle(QCoreApplication.translate("SubjectDialog", u"Register subject", None))
        self.familyLabel.setText(QCoreApplication.translate("SubjectDialog", u"&Family name:", None))
        self.givenLabel.setText(QCoreApplication.translate("SubjectDialog", u"&Given name:", None))
        self.sexLabel.setText(QCoreApplication.translate("SubjectDialog", u"&Sex:", None))
        self.birthLabel.setText(QCoreApplication.translate("SubjectDialog", u"&Date of birth:", None))
        self.phoneLabel.setText(QCoreApplication.translate("SubjectDialog", u"&Phone:", None))
        self.identityLabel.setText(QCoreApplication.translate("SubjectDialog", u"&ID number:", None))
        self.identityEdit.setPlaceholderText(QCoreApplication.translate("SubjectDialog", u"Resident identity card, 18 characters (optional)", None))
    # retranslateUi

