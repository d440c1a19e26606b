// `vigil bench`: placeholder until the benchmark runner lands.
#include "app/commands.h"

namespace vigil::app {
Handler setup_bench(CLI::App& sub) {
  (void)sub;
  return [] { return kExitOk; };
}
}  // namespace vigil::app
