// The workspace store (see store.h). Placeholder until implemented.
#include "server/store.h"
