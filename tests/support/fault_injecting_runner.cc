// Fault injection (see fault.h).
#include "tests/support/fault_injecting_runner.h"

#include "engine/util/error.h"

namespace meshform::testing {

FaultInjectingRunner::FaultInjectingRunner(StepRunner& inner, int fail_at_step, When when)
    : inner_(inner), fail_at_step_(fail_at_step), when_(when) {}

FaultInjectingRunner::FaultInjectingRunner(StepRunner& inner, std::string fail_address, When when)
    : inner_(inner), fail_address_(std::move(fail_address)), when_(when) {}

void FaultInjectingRunner::Run(const plan::Change& change, Journal& journal) {
  int n = ++started_;
  bool fail = (fail_at_step_ > 0 && n == fail_at_step_) ||
              (!fail_address_.empty() && change.address == fail_address_);
  if (fail && when_ == When::kBeforeWrites)
    throw Error("injected fault before step " + std::to_string(n));
  inner_.Run(change, journal);
  if (fail) throw Error("injected fault after step " + std::to_string(n));
}

}  // namespace meshform::testing
