// The zlib C API, imported into Swift as the CZlib module. Nothing else lives here.
#include <zlib.h>
