// The zlib C API, imported into Swift as the CLibZ module. Nothing else lives here.
#include <zlib.h>
