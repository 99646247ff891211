; Inno Setup script (Inno Setup 6.3 or newer) of the Trial Coordinator installer for Windows.
;
; Build on Windows from the repository's top folder (packaging/README.md):
;   py -m pip install -c constraints.txt .[dist]
;   py packaging\build.py
;   iscc packaging\windows\coordinator-app.iss
; The installer lands in dist\coordinator-app-<version>-setup.exe.
;
; Per machine: Program Files\Trial Coordinator, a Start menu entry for every user, an entry in
; Settings > Apps with the app's icon. Upgrades install over the previous version (same AppId).
;
; Data: the app keeps its database in each user's own data folder, never beside the program:
;   %LOCALAPPDATA%\coordinator-app\coordinator.sqlite3   (platformdirs.user_data_path("coordinator-app"),
;                                                           coordinator_app/services/settings.py)
; with its backups in %LOCALAPPDATA%\coordinator-app\backups, the key of an encrypted database in the
; user's Windows Credential Manager, and window settings under HKEY_CURRENT_USER\Software\coordinator-app.
; This script has no [Dirs], [UninstallDelete] or [Registry] entry for any of them: installing, upgrading
; and uninstalling never touch a user's data, which outlive every upgrade and an uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Trial Coordinator"
#define AppExe "coordinator-app.exe"
; The PyInstaller one-folder build (packaging/build.py).
#define BuildDir AddBackslash(SourcePath) + "..\..\dist\coordinator-app"

#ifnexist BuildDir + "\" + AppExe
  #error Build the app first: py packaging\build.py
#endif

[Setup]
; Never change the AppId: Windows knows an installed version, and its upgrades, by it.
AppId={{423C2478-E77E-4D58-B36E-9D95621477F9}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Coordinator App team
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
; The build is 64-bit (the Python it was made with); Qt 6 needs Windows 10 or newer.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\..\resources\icons\coordinator-app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; Restart Manager closes a running copy before its files are replaced.
CloseApplications=yes
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=coordinator-app-{#AppVersion}-setup

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese ships with recent Inno Setup releases; older ones install it separately.
#ifexist AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the previous build's libraries as a whole, so no stale module of the old version
; is left beside the new ones. Only the program folder: user data lives elsewhere (see the top).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; coordinator-app.exe (the window) and coordinator-app-cli.exe (the command line, with console output),
; and the _internal folder with Python, Qt, the fonts, forms, protocols, consent texts and translations.
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; As the user who started the installer, not as the administrator: the app creates that user's database.
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser
