# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDateEdit, QDialog, QDialogButtonBox,
    QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_ContactDialog(object):
    def setupUi(self, ContactDialog):
        if not ContactDialog.objectName():
            ContactDialog.setObjectName(u"ContactDialog")
        ContactDialog.resize(720, 680)
        self.layout = QVBoxLayout(ContactDialog)
        self.layout.setObjectName(u"layout")
        self.errorLabel = QLabel(ContactDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"QLabel { color: #8a1c1c; background: #fdecea; border: 1px solid #e6a6a6; border-radius: 3px; padding: 6px; }")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.errorLabel)

        self.detailsForm = QFormLayout()
        self.detailsForm.setObjectName(u"detailsForm")
        self.detailsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kindLabel = QLabel(ContactDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(ContactDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.categoryLabel = QLabel(ContactDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(ContactDialog)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.nameLabel = QLabel(ContactDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ContactDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.organisationLabel = QLabel(ContactDialog)
        self.organisationLabel.setObjectName(u"organisationLabel")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.organisationLabel)

        self.organisationEdit = QLineEdit(ContactDialog)
        self.organisationEdit.setObjectName(u"organisationEdit")
        self.organisationEdit.setMaxLength(200)

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.organisationEdit)

        self.roleLabel = QLabel(ContactDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleEdit = QLineEdit(ContactDialog)
        self.roleEdit.setObjectName(u"roleEdit")
        self.roleEdit.setMaxLength(200)

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roleEdit)

        self.phoneLabel = QLabel(ContactDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(ContactDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(40)

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailLabel = QLabel(ContactDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(ContactDialog)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setMaxLength(254)

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.notesLabel = QLabel(ContactDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.detailsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(ContactDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 64))
        self.notesEdit.setTabChangesFocus(True)

        self.detailsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.trialSpecificCheck = QCheckBox(ContactDialog)
        self.trialSpecificCheck.setObjectName(u"trialSpecificCheck")

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.trialSpecificCheck)


        self.layout.addLayout(self.detailsForm)

        self.delegationGroup = QGroupBox(ContactDialog)
        self.delegationGroup.setObjectName(u"delegationGroup")
        self.delegationLayout = QVBoxLayout(self.delegationGroup)
        self.delegationLayout.setObjectName(u"delegationLayout")
        self.delegationTable = QTableView(self.delegationGroup)
        self.delegationTable.setObjectName(u"delegationTable")
        self.delegationTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.delegationTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.delegationTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.delegationTable.setAlternatingRowColors(True)
        self.delegationTable.setMinimumSize(QSize(0, 120))

        self.delegationLayout.addWidget(self.delegationTable)

        self.addDutyBar = QHBoxLayout()
        self.addDutyBar.setObjectName(u"addDutyBar")
        self.dutyLabel = QLabel(self.delegationGroup)
        self.dutyLabel.setObjectName(u"dutyLabel")

        self.addDutyBar.addWidget(self.dutyLabel)

        self.dutyCombo = QComboBox(self.delegationGroup)
        self.dutyCombo.setObjectName(u"dutyCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.dutyCombo.sizePolicy().hasHeightForWidth())
        self.dutyCombo.setSizePolicy(sizePolicy)
        self.dutyCombo.setEditable(True)
        self.dutyCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.addDutyBar.addWidget(self.dutyCombo)

        self.dutyStartLabel = QLabel(self.delegationGroup)
        self.dutyStartLabel.setObjectName(u"dutyStartLabel")

        self.addDutyBar.addWidget(self.dutyStartLabel)

        self.dutyStartEdit = QDateEdit(self.delegationGroup)
        self.dutyStartEdit.setObjectName(u"dutyStartEdit")
        self.dutyStartEdit.setCalendarPopup(True)

        self.addDutyBar.addWidget(self.dutyStartEdit)

        self.addDutyButton = QPushButton(self.delegationGroup)
        self.addDutyButton.setObjectName(u"addDutyButton")
        self.addDutyButton.setAutoDefault(False)

        self.addDutyBar.addWidget(self.addDutyButton)

        self.removeDutyButton = QPushButton(self.delegationGroup)
        self.removeDutyButton.setObjectName(u"removeDutyButton")
        self.removeDutyButton.setAutoDefault(False)

        self.addDutyBar.addWidget(self.removeDutyButton)


        self.delegationLayout.addLayout(self.addDutyBar)

        self.endDutyBar = QHBoxLayout()
        self.endDutyBar.setObjectName(u"endDutyBar")
        self.dutyEndLabel = QLabel(self.delegationGroup)
        self.dutyEndLabel.setObjectName(u"dutyEndLabel")

        self.endDutyBar.addWidget(self.dutyEndLabel)

        self.dutyEndEdit = QDateEdit(self.delegationGroup)
        self.dutyEndEdit.setObjectName(u"dutyEndEdit")
        self.dutyEndEdit.setCalendarPopup(True)

        self.endDutyBar.addWidget(self.dutyEndEdit)

        self.endDutyButton = QPushButton(self.delegationGroup)
        self.endDutyButton.setObjectName(u"endDutyButton")
        self.endDutyButton.setAutoDefault(False)

        self.endDutyBar.addWidget(self.endDutyButton)

        self.endDutySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endDutyBar.addItem(self.endDutySpacer)


        self.delegationLayout.addLayout(self.endDutyBar)

        self.delegationHint = QLabel(self.delegationGroup)
        self.delegationHint.setObjectName(u"delegationHint")
        self.delegationHint.setWordWrap(True)

        self.delegationLayout.addWidget(self.delegationHint)


        self.layout.addWidget(self.delegationGroup)

        self.buttonBox = QDialogButtonBox(ContactDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.organisationLabel.setBuddy(self.organisationEdit)
        self.roleLabel.setBuddy(self.roleEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.notesLabel.setBuddy(self.notesEdit)
        self.dutyLabel.setBuddy(self.dutyCombo)
        self.dutyStartLabel.setBuddy(self.dutyStartEdit)
        self.dutyEndLabel.setBuddy(self.dutyEndEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.organisationEdit)
        QWidget.setTabOrder(self.organisationEdit, self.roleEdit)
        QWidget.setTabOrder(self.roleEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.trialSpecificCheck)
        QWidget.setTabOrder(self.trialSpecificCheck, self.delegationTable)
        QWidget.setTabOrder(self.delegationTable, self.dutyCombo)
        QWidget.setTabOrder(self.dutyCombo, self.dutyStartEdit)
        QWidget.setTabOrder(self.dutyStartEdit, self.addDutyButton)
        QWidget.setTabOrder(self.addDutyButton, self.removeDutyButton)
        QWidget.setTabOrder(self.removeDutyButton, self.dutyEndEdit)
        QWidget.setTabOrder(self.dutyEndEdit, self.endDutyButton)

        self.retranslateUi(ContactDialog)

        QMetaObject.connectSlotsByName(ContactDialog)
    # setupUi

    def retranslateUi(self, ContactDialog):
        ContactDialog.setWindowTitle(QCoreApplication.translate("ContactDialog", u"Contact", None))
        self.errorLabel.setText("")
        self.kindLabel.setText(QCoreApplication.translate("ContactDialog", u"&Kind:", None))
        self.categoryLabel.setText(QCoreApplication.translate("ContactDialog", u"&Category:", None))
        self.nameLabel.setText(QCoreApplication.translate("ContactDialog", u"&Name:", None))
        self.organisationLabel.setText(QCoreApplication.translate("ContactDialog", u"&Organisation:", None))
        self.roleLabel.setText(QCoreApplication.translate("ContactDialog", u"&Role:", None))
        self.phoneLabel.setText(QCoreApplication.translate("ContactDialog", u"&Phone:", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("ContactDialog", u"138 1234 5678, 0898-6615 1200, or +country code for numbers abroad", None))
        self.emailLabel.setText(QCoreApplication.translate("ContactDialog", u"&E-mail:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("ContactDialog", u"name@example.org", None))
        self.notesLabel.setText(QCoreApplication.translate("ContactDialog", u"No&tes:", None))
        self.trialSpecificCheck.setText(QCoreApplication.translate("ContactDialog", u"Belongs to this trial only", None))
#if QT_CONFIG(tooltip)
        self.trialSpecificCheck.setToolTip(QCoreApplication.translate("ContactDialog", u"Unticked: a site-wide contact, listed for every trial (staff, pharmacy, ethics committee)", None))
#endif // QT_CONFIG(tooltip)
        self.delegationGroup.setTitle(QCoreApplication.translate("ContactDialog", u"Delegation log for this trial", None))
        self.dutyLabel.setText(QCoreApplication.translate("ContactDialog", u"D&uty:", None))
        self.dutyStartLabel.setText(QCoreApplication.translate("ContactDialog", u"&from", None))
        self.addDutyButton.setText(QCoreApplication.translate("ContactDialog", u"A&dd duty", None))
        self.removeDutyButton.setText(QCoreApplication.translate("ContactDialog", u"Remo&ve", None))
#if QT_CONFIG(tooltip)
        self.removeDutyButton.setToolTip(QCoreApplication.translate("ContactDialog", u"Remove a line added in this dialog; saved lines are ended, never deleted", None))
#endif // QT_CONFIG(tooltip)
        self.dutyEndLabel.setText(QCoreApplication.translate("ContactDialog", u"End the selected duty o&n", None))
        self.endDutyButton.setText(QCoreApplication.translate("ContactDialog", u"&End duty", None))
        self.delegationHint.setText(QCoreApplication.translate("ContactDialog", u"Saved lines stay in the log for inspection: end a duty instead of deleting it.", None))
    # retranslateUi

