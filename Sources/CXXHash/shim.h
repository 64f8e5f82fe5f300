// The xxHash C API (XXH3), imported into Swift as the CXXHash module. Nothing else lives here.
#include <xxhash.h>
