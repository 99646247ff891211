# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'eligibility_consent_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ConsentDialog(object):
    def setupUi(self, ConsentDialog):
        if not ConsentDialog.objectName():
            ConsentDialog.setObjectName(u"ConsentDialog")
        ConsentDialog.resize(480, 260)
        self.layout = QVBoxLayout(ConsentDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(ConsentDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.errorLabel = QLabel(ConsentDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"QLabel { color: #8a1c1c; background: #fdecea; border: 1px solid #e6a6a6; border-radius: 3px; padding: 6px; }")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.errorLabel)

        self.consentForm = QFormLayout()
        self.consentForm.setObjectName(u"consentForm")
        self.consentForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.versionLabel = QLabel(ConsentDialog)
        self.versionLabel.setObjectName(u"versionLabel")

        self.consentForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.versionLabel)

        self.versionCombo = QComboBox(ConsentDialog)
        self.versionCombo.setObjectName(u"versionCombo")

        self.consentForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.versionCombo)

        self.signedLabel = QLabel(ConsentDialog)
        self.signedLabel.setObjectName(u"signedLabel")

        self.consentForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.signedLabel)

        self.signedEdit = QDateTimeEdit(ConsentDialog)
        self.signedEdit.setObjectName(u"signedEdit")
        self.signedEdit.setCalendarPopup(True)

        self.consentForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.signedEdit)

        self.obtainedLabel = QLabel(ConsentDialog)
        self.obtainedLabel.setObjectName(u"obtainedLabel")

        self.consentForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.obtainedLabel)

        self.obtainedCombo = QComboBox(ConsentDialog)
        self.obtainedCombo.setObjectName(u"obtainedCombo")
        self.obtainedCombo.setEditable(True)

        self.consentForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.obtainedCombo)

        self.copyCheck = QCheckBox(ConsentDialog)
        self.copyCheck.setObjectName(u"copyCheck")

        self.consentForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.copyCheck)


        self.layout.addLayout(self.consentForm)

        self.verticalSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(ConsentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.versionLabel.setBuddy(self.versionCombo)
        self.signedLabel.setBuddy(self.signedEdit)
        self.obtainedLabel.setBuddy(self.obtainedCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ConsentDialog)

        QMetaObject.connectSlotsByName(ConsentDialog)
    # setupUi

    def retranslateUi(self, ConsentDialog):
        ConsentDialog.setWindowTitle(QCoreApplication.translate("ConsentDialog", u"Record informed consent", None))
        self.versionLabel.setText(QCoreApplication.translate("ConsentDialog", u"&Form version:", None))
        self.signedLabel.setText(QCoreApplication.translate("ConsentDialog", u"&Signed at:", None))
#if QT_CONFIG(tooltip)
        self.signedEdit.setToolTip(QCoreApplication.translate("ConsentDialog", u"Date and local time the subject signed the form", None))
#endif // QT_CONFIG(tooltip)
        self.obtainedLabel.setText(QCoreApplication.translate("ConsentDialog", u"&Obtained by:", None))
#if QT_CONFIG(tooltip)
        self.obtainedCombo.setToolTip(QCoreApplication.translate("ConsentDialog", u"The staff member who obtained consent (delegated to obtain informed consent)", None))
#endif // QT_CONFIG(tooltip)
        self.copyCheck.setText(QCoreApplication.translate("ConsentDialog", u"A signed copy was &given to the subject", None))
    # retranslateUi

