// libxml2's push parser and SAX2 interface. Debian builds libxml2 with ICU, whose headers
// clash with the copy of ICU inside Foundation; Loupe never touches the ICU converter fields
// (it only holds pointers to encoding handlers), so the ICU part of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
