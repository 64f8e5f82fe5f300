// The liblzma C API (xz), imported into Swift as the CLzma module, and the one flag whose
// macro (built with UINT32_C) Swift cannot import.
#include <lzma.h>

static const uint32_t CLzmaConcatenated = LZMA_CONCATENATED;
