@echo off
rem datadesk launcher for Windows: runs this distribution's datadesk.jar with Java 17 or newer.
rem   DATADESK_JAVA       the java command to use (default: %JAVA_HOME%\bin\java.exe, else java on the PATH)
rem   DATADESK_JAVA_OPTS  extra JVM options, e.g. -Xmx4g
setlocal
set "DATADESK_HOME=%~dp0.."
if defined DATADESK_JAVA (
  set "JAVA_CMD=%DATADESK_JAVA%"
) else if defined JAVA_HOME (
  set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_CMD=java"
)
"%JAVA_CMD%" -Djava.awt.headless=true %DATADESK_JAVA_OPTS% -jar "%DATADESK_HOME%\datadesk.jar" %*
exit /b %ERRORLEVEL%
