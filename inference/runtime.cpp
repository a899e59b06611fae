#include "inference/runtime.h"

#include <ATen/Parallel.h>
#include <torch/version.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QThread>

#include <atomic>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace vigie::inference {

namespace {

std::atomic<int> g_maxThreads{0};
std::atomic<int> g_jobSerial{0};

int maxThreads()
{
    const int configured = g_maxThreads.load();
    return configured > 0 ? configured : std::max(1, QThread::idealThreadCount());
}

/// The registry: one file per running job, each held with an exclusive flock by its job.
QString registryDir()
{
    const QString fromEnv = qEnvironmentVariable("VIGIE_TORCH_REGISTRY");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir::temp().filePath(QStringLiteral("vigie-torch-jobs-%1").arg(::getuid()));
}

/// Files of live jobs; stale files (their job died or is ending) are removed on the way.
int countLiveJobs(const QString &dir, const QString &own)
{
    int live = own.isEmpty() ? 0 : 1;
    const QStringList names = QDir(dir).entryList(QDir::Files | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        const QString path = QDir(dir).filePath(name);
        if (path == own)
            continue;
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue; // gone meanwhile
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            ::unlink(QFile::encodeName(path).constData()); // nobody holds it: its job is over
        } else {
            ++live;
        }
        ::close(fd);
    }
    return live;
}

struct ThreadJob
{
    int depth = 0;
    int fd = -1;
    QString path;
    QElapsedTimer sinceCheck;
    int threads = 0;
};

thread_local ThreadJob t_job;

void applyShare(bool force)
{
    if (t_job.depth == 0)
        return;
    if (!force && t_job.sinceCheck.isValid() && t_job.sinceCheck.elapsed() < 200)
        return;
    t_job.sinceCheck.start();
    static const bool sharing = qEnvironmentVariable("VIGIE_TORCH_SHARE") != QLatin1String("0");
    const int jobs = sharing ? std::max(1, countLiveJobs(registryDir(), t_job.path)) : 1;
    const int share = std::max(1, std::min(maxThreads(), std::max(1, QThread::idealThreadCount()) / jobs));
    if (share != t_job.threads || at::get_num_threads() != share) {
        at::set_num_threads(share);
        t_job.threads = share;
    }
}

} // namespace

QList<ComponentVersion> components()
{
    return {{QStringLiteral("LibTorch"), QStringLiteral(TORCH_VERSION),
             QStringLiteral("CPU, up to %1 intra-op threads, shared between LibTorch jobs").arg(maxThreads())}};
}

int configureThreads(int threads)
{
    g_maxThreads.store(threads > 0 ? threads : 0);
    const int wanted = maxThreads();
    if (at::get_num_threads() != wanted)
        at::set_num_threads(wanted);
    return wanted;
}

TorchJob::TorchJob()
{
    if (t_job.depth++ > 0)
        return;
    m_owner = true;
    const QString dir = registryDir();
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(
        QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(g_jobSerial.fetch_add(1)));
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0) {
        t_job.fd = fd;
        t_job.path = path;
    } else if (fd >= 0) {
        ::close(fd); // the registry is unusable: the job runs, counted as alone
    }
    t_job.sinceCheck.invalidate();
    t_job.threads = 0;
    applyShare(true);
}

TorchJob::~TorchJob()
{
    if (--t_job.depth > 0 || !m_owner)
        return;
    if (t_job.fd >= 0) {
        ::unlink(QFile::encodeName(t_job.path).constData());
        ::close(t_job.fd);
    }
    t_job = ThreadJob{};
}

void shareCores()
{
    applyShare(false);
}

int runningTorchJobs()
{
    return countLiveJobs(registryDir(), t_job.depth > 0 ? t_job.path : QString());
}

int currentTorchThreads()
{
    return at::get_num_threads();
}

} // namespace vigie::inference
