@echo off
rem Tartan launcher, copied next to tartan.jar by `mvn package`.
setlocal
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" %TARTAN_JAVA_OPTS% -jar "%~dp0tartan.jar" %*
