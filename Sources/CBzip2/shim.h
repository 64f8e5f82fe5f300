// The libbz2 C API, imported into Swift as the CBzip2 module. Nothing else lives here.
// Debian ships no pkg-config file for it: the modulemap links it by name.
#include <stdio.h>
#include <bzlib.h>
