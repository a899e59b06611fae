#include "inference/runtime.h"

#include <ATen/Parallel.h>
#include <torch/version.h>

#include <QThread>

namespace vigie::inference {

QList<ComponentVersion> components()
{
    return {{QStringLiteral("LibTorch"), QStringLiteral(TORCH_VERSION),
             QStringLiteral("CPU, %1 intra-op threads").arg(at::get_num_threads())}};
}

int configureThreads(int threads)
{
    const int wanted = threads > 0 ? threads : QThread::idealThreadCount();
    if (at::get_num_threads() != wanted)
        at::set_num_threads(wanted);
    return at::get_num_threads();
}

} // namespace vigie::inference
