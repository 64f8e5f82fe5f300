// The Zstandard C API, imported into Swift as the CZstd module. Nothing else lives here.
#include <zstd.h>
