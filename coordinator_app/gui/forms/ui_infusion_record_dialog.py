# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'infusion_record_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QTableView, QTimeEdit, QVBoxLayout,
    QWidget)

class Ui_InfusionRecordDialog(object):
    def setupUi(self, InfusionRecordDialog):
        if not InfusionRecordDialog.objectName():
            InfusionRecordDialog.setObjectName(u"InfusionRecordDialog")
        InfusionRecordDialog.resize(900, 680)
        self.layout = QVBoxLayout(InfusionRecordDialog)
        self.layout.setObjectName(u"layout")
        self.headingLabel = QLabel(InfusionRecordDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.layout.addWidget(self.headingLabel)

        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.productGroup = QGroupBox(InfusionRecordDialog)
        self.productGroup.setObjectName(u"productGroup")
        self.productLayout = QGridLayout(self.productGroup)
        self.productLayout.setObjectName(u"productLayout")
        self.productLotLabel = QLabel(self.productGroup)
        self.productLotLabel.setObjectName(u"productLotLabel")

        self.productLayout.addWidget(self.productLotLabel, 0, 0, 1, 1)

        self.productLotEdit = QLineEdit(self.productGroup)
        self.productLotEdit.setObjectName(u"productLotEdit")

        self.productLayout.addWidget(self.productLotEdit, 0, 1, 1, 1)

        self.releaseCertificateLabel = QLabel(self.productGroup)
        self.releaseCertificateLabel.setObjectName(u"releaseCertificateLabel")

        self.productLayout.addWidget(self.releaseCertificateLabel, 1, 0, 1, 1)

        self.releaseCertificateEdit = QLineEdit(self.productGroup)
        self.releaseCertificateEdit.setObjectName(u"releaseCertificateEdit")

        self.productLayout.addWidget(self.releaseCertificateEdit, 1, 1, 1, 1)

        self.cellsPerDoseLabel = QLabel(self.productGroup)
        self.cellsPerDoseLabel.setObjectName(u"cellsPerDoseLabel")

        self.productLayout.addWidget(self.cellsPerDoseLabel, 2, 0, 1, 1)

        self.cellsPerDoseEdit = QLineEdit(self.productGroup)
        self.cellsPerDoseEdit.setObjectName(u"cellsPerDoseEdit")

        self.productLayout.addWidget(self.cellsPerDoseEdit, 2, 1, 1, 1)

        self.viabilityReleaseLabel = QLabel(self.productGroup)
        self.viabilityReleaseLabel.setObjectName(u"viabilityReleaseLabel")

        self.productLayout.addWidget(self.viabilityReleaseLabel, 3, 0, 1, 1)

        self.viabilityReleaseEdit = QLineEdit(self.productGroup)
        self.viabilityReleaseEdit.setObjectName(u"viabilityReleaseEdit")

        self.productLayout.addWidget(self.viabilityReleaseEdit, 3, 1, 1, 1)

        self.viabilityBedsideLabel = QLabel(self.productGroup)
        self.viabilityBedsideLabel.setObjectName(u"viabilityBedsideLabel")

        self.productLayout.addWidget(self.viabilityBedsideLabel, 4, 0, 1, 1)

        self.viabilityBedsideEdit = QLineEdit(self.productGroup)
        self.viabilityBedsideEdit.setObjectName(u"viabilityBedsideEdit")

        self.productLayout.addWidget(self.viabilityBedsideEdit, 4, 1, 1, 1)

        self.transportTemperatureLabel = QLabel(self.productGroup)
        self.transportTemperatureLabel.setObjectName(u"transportTemperatureLabel")

        self.productLayout.addWidget(self.transportTemperatureLabel, 5, 0, 1, 1)

        self.transportTemperatureEdit = QLineEdit(self.productGroup)
        self.transportTemperatureEdit.setObjectName(u"transportTemperatureEdit")

        self.productLayout.addWidget(self.transportTemperatureEdit, 5, 1, 1, 1)

        self.cellsHint = QLabel(self.productGroup)
        self.cellsHint.setObjectName(u"cellsHint")
        self.cellsHint.setWordWrap(True)

        self.productLayout.addWidget(self.cellsHint, 6, 1, 1, 1)


        self.columns.addWidget(self.productGroup)

        self.infusionGroup = QGroupBox(InfusionRecordDialog)
        self.infusionGroup.setObjectName(u"infusionGroup")
        self.infusionLayout = QGridLayout(self.infusionGroup)
        self.infusionLayout.setObjectName(u"infusionLayout")
        self.infusionDateLabel = QLabel(self.infusionGroup)
        self.infusionDateLabel.setObjectName(u"infusionDateLabel")

        self.infusionLayout.addWidget(self.infusionDateLabel, 0, 0, 1, 1)

        self.infusionDateEdit = QDateEdit(self.infusionGroup)
        self.infusionDateEdit.setObjectName(u"infusionDateEdit")
        self.infusionDateEdit.setCalendarPopup(True)

        self.infusionLayout.addWidget(self.infusionDateEdit, 0, 1, 1, 1)

        self.preparedLabel = QLabel(self.infusionGroup)
        self.preparedLabel.setObjectName(u"preparedLabel")

        self.infusionLayout.addWidget(self.preparedLabel, 1, 0, 1, 1)

        self.preparedEdit = QTimeEdit(self.infusionGroup)
        self.preparedEdit.setObjectName(u"preparedEdit")

        self.infusionLayout.addWidget(self.preparedEdit, 1, 1, 1, 1)

        self.startLabel = QLabel(self.infusionGroup)
        self.startLabel.setObjectName(u"startLabel")

        self.infusionLayout.addWidget(self.startLabel, 2, 0, 1, 1)

        self.startEdit = QTimeEdit(self.infusionGroup)
        self.startEdit.setObjectName(u"startEdit")

        self.infusionLayout.addWidget(self.startEdit, 2, 1, 1, 1)

        self.endLabel = QLabel(self.infusionGroup)
        self.endLabel.setObjectName(u"endLabel")

        self.infusionLayout.addWidget(self.endLabel, 3, 0, 1, 1)

        self.endEdit = QTimeEdit(self.infusionGroup)
        self.endEdit.setObjectName(u"endEdit")

        self.infusionLayout.addWidget(self.endEdit, 3, 1, 1, 1)

        self.minutesLabel = QLabel(self.infusionGroup)
        self.minutesLabel.setObjectName(u"minutesLabel")
        self.minutesLabel.setWordWrap(True)

        self.infusionLayout.addWidget(self.minutesLabel, 4, 1, 1, 1)

        self.volumeLabel = QLabel(self.infusionGroup)
        self.volumeLabel.setObjectName(u"volumeLabel")

        self.infusionLayout.addWidget(self.volumeLabel, 5, 0, 1, 1)

        self.volumeEdit = QLineEdit(self.infusionGroup)
        self.volumeEdit.setObjectName(u"volumeEdit")

        self.infusionLayout.addWidget(self.volumeEdit, 5, 1, 1, 1)

        self.rateLabel = QLabel(self.infusionGroup)
        self.rateLabel.setObjectName(u"rateLabel")

        self.infusionLayout.addWidget(self.rateLabel, 6, 0, 1, 1)

        self.rateEdit = QLineEdit(self.infusionGroup)
        self.rateEdit.setObjectName(u"rateEdit")

        self.infusionLayout.addWidget(self.rateEdit, 6, 1, 1, 1)


        self.columns.addWidget(self.infusionGroup)


        self.layout.addLayout(self.columns)

        self.vitalsGroup = QGroupBox(InfusionRecordDialog)
        self.vitalsGroup.setObjectName(u"vitalsGroup")
        self.vitalsLayout = QVBoxLayout(self.vitalsGroup)
        self.vitalsLayout.setObjectName(u"vitalsLayout")
        self.vitalsTable = QTableView(self.vitalsGroup)
        self.vitalsTable.setObjectName(u"vitalsTable")
        self.vitalsTable.setAlternatingRowColors(True)

        self.vitalsLayout.addWidget(self.vitalsTable)


        self.layout.addWidget(self.vitalsGroup)

        self.peopleLayout = QGridLayout()
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.reactionsLabel = QLabel(InfusionRecordDialog)
        self.reactionsLabel.setObjectName(u"reactionsLabel")

        self.peopleLayout.addWidget(self.reactionsLabel, 0, 0, 1, 1)

        self.reactionsEdit = QPlainTextEdit(InfusionRecordDialog)
        self.reactionsEdit.setObjectName(u"reactionsEdit")
        self.reactionsEdit.setMaximumSize(QSize(16777215, 56))

        self.peopleLayout.addWidget(self.reactionsEdit, 0, 1, 1, 3)

        self.administeredByLabel = QLabel(InfusionRecordDialog)
        self.administeredByLabel.setObjectName(u"administeredByLabel")

        self.peopleLayout.addWidget(self.administeredByLabel, 1, 0, 1, 1)

        self.administeredByEdit = QLineEdit(InfusionRecordDialog)
        self.administeredByEdit.setObjectName(u"administeredByEdit")

        self.peopleLayout.addWidget(self.administeredByEdit, 1, 1, 1, 1)

        self.checkedByLabel = QLabel(InfusionRecordDialog)
        self.checkedByLabel.setObjectName(u"checkedByLabel")

        self.peopleLayout.addWidget(self.checkedByLabel, 1, 2, 1, 1)

        self.checkedByEdit = QLineEdit(InfusionRecordDialog)
        self.checkedByEdit.setObjectName(u"checkedByEdit")

        self.peopleLayout.addWidget(self.checkedByEdit, 1, 3, 1, 1)


        self.layout.addLayout(self.peopleLayout)

        self.buttonBox = QDialogButtonBox(InfusionRecordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.productLotLabel.setBuddy(self.productLotEdit)
        self.releaseCertificateLabel.setBuddy(self.releaseCertificateEdit)
        self.cellsPerDoseLabel.setBuddy(self.cellsPerDoseEdit)
        self.viabilityReleaseLabel.setBuddy(self.viabilityReleaseEdit)
        self.viabilityBedsideLabel.setBuddy(self.viabilityBedsideEdit)
        self.transportTemperatureLabel.setBuddy(self.transportTemperatureEdit)
        self.infusionDateLabel.setBuddy(self.infusionDateEdit)
        self.preparedLabel.setBuddy(self.preparedEdit)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endEdit)
        self.volumeLabel.setBuddy(self.volumeEdit)
        self.rateLabel.setBuddy(self.rateEdit)
        self.reactionsLabel.setBuddy(self.reactionsEdit)
        self.administeredByLabel.setBuddy(self.administeredByEdit)
        self.checkedByLabel.setBuddy(self.checkedByEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(InfusionRecordDialog)

        QMetaObject.connectSlotsByName(InfusionRecordDialog)
    # setupUi

    def retranslateUi(self, InfusionRecordDialog):
        InfusionRecordDialog.setWindowTitle(QCoreApplication.translate("InfusionRecordDialog", u"Infusion record", None))
        self.productGroup.setTitle(QCoreApplication.translate("InfusionRecordDialog", u"Cell product", None))
        self.productLotLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"Product &lot:", None))
        self.productLotEdit.setPlaceholderText(QCoreApplication.translate("InfusionRecordDialog", u"e.g. the lot on the bag label", None))
        self.releaseCertificateLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"Release &certificate no.:", None))
        self.releaseCertificateEdit.setPlaceholderText(QCoreApplication.translate("InfusionRecordDialog", u"QA release certificate number", None))
        self.cellsPerDoseLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"Cells per &dose:", None))
        self.cellsPerDoseEdit.setPlaceholderText(QCoreApplication.translate("InfusionRecordDialog", u"1.0e8", None))
        self.viabilityReleaseLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"Viability at release (%):", None))
        self.viabilityReleaseEdit.setPlaceholderText(QCoreApplication.translate("InfusionRecordDialog", u"from the certificate", None))
        self.viabilityBedsideLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"Viability at the bedside (%):", None))
        self.viabilityBedsideEdit.setPlaceholderText(QCoreApplication.translate("InfusionRecordDialog", u"measured before the infusion", None))
        self.transportTemperatureLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"Transport temperature (\u00b0C):", None))
        self.transportTemperatureEdit.setPlaceholderText(QCoreApplication.translate("InfusionRecordDialog", u"on arrival", None))
        self.infusionGroup.setTitle(QCoreApplication.translate("InfusionRecordDialog", u"Infusion", None))
        self.infusionDateLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"Infusion &date:", None))
        self.infusionDateEdit.setDisplayFormat(QCoreApplication.translate("InfusionRecordDialog", u"yyyy-MM-dd", None))
        self.preparedLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"&Prepared (thawed) at:", None))
        self.preparedEdit.setDisplayFormat(QCoreApplication.translate("InfusionRecordDialog", u"HH:mm", None))
        self.startLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"Infusion &started at:", None))
        self.startEdit.setDisplayFormat(QCoreApplication.translate("InfusionRecordDialog", u"HH:mm", None))
        self.endLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"Infusion &ended at:", None))
        self.endEdit.setDisplayFormat(QCoreApplication.translate("InfusionRecordDialog", u"HH:mm", None))
        self.volumeLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"&Volume (mL):", None))
        self.rateLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"&Rate (mL/h):", None))
        self.vitalsGroup.setTitle(QCoreApplication.translate("InfusionRecordDialog", u"Vital signs (minutes from the start of the infusion)", None))
        self.reactionsLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"Immediate &reactions:", None))
        self.reactionsEdit.setPlaceholderText(QCoreApplication.translate("InfusionRecordDialog", u"None, or what happened and what was done", None))
        self.administeredByLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"&Administered by:", None))
        self.checkedByLabel.setText(QCoreApplication.translate("InfusionRecordDialog", u"C&hecked by:", None))
        self.checkedByEdit.setPlaceholderText(QCoreApplication.translate("InfusionRecordDialog", u"a second person", None))
    # retranslateUi

