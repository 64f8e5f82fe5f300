// The LMDB C API, imported into Swift as the CLMDB module. Nothing else lives here.
#include <lmdb.h>
