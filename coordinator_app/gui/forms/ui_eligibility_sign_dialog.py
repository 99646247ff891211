# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'eligibility_sign_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SignDialog(object):
    def setupUi(self, SignDialog):
        if not SignDialog.objectName():
            SignDialog.setObjectName(u"SignDialog")
        SignDialog.resize(520, 300)
        self.layout = QVBoxLayout(SignDialog)
        self.layout.setObjectName(u"layout")
        self.verdictLabel = QLabel(SignDialog)
        self.verdictLabel.setObjectName(u"verdictLabel")
        self.verdictLabel.setWordWrap(True)

        self.layout.addWidget(self.verdictLabel)

        self.meaningLabel = QLabel(SignDialog)
        self.meaningLabel.setObjectName(u"meaningLabel")
        self.meaningLabel.setWordWrap(True)

        self.layout.addWidget(self.meaningLabel)

        self.errorLabel = QLabel(SignDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"QLabel { color: #8a1c1c; background: #fdecea; border: 1px solid #e6a6a6; border-radius: 3px; padding: 6px; }")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.errorLabel)

        self.signForm = QFormLayout()
        self.signForm.setObjectName(u"signForm")
        self.signForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.investigatorLabel = QLabel(SignDialog)
        self.investigatorLabel.setObjectName(u"investigatorLabel")

        self.signForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.investigatorLabel)

        self.investigatorCombo = QComboBox(SignDialog)
        self.investigatorCombo.setObjectName(u"investigatorCombo")
        self.investigatorCombo.setEditable(True)

        self.signForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.investigatorCombo)

        self.reasonLabel = QLabel(SignDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.signForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(SignDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.signForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.layout.addLayout(self.signForm)

        self.verticalSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(SignDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.investigatorLabel.setBuddy(self.investigatorCombo)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SignDialog)

        QMetaObject.connectSlotsByName(SignDialog)
    # setupUi

    def retranslateUi(self, SignDialog):
        SignDialog.setWindowTitle(QCoreApplication.translate("SignDialog", u"Sign the eligibility verdict", None))
        self.investigatorLabel.setText(QCoreApplication.translate("SignDialog", u"&Investigator:", None))
        self.reasonLabel.setText(QCoreApplication.translate("SignDialog", u"&Reason:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("SignDialog", u"Why the verdict is signed again, e.g. PT result corrected", None))
    # retranslateUi

