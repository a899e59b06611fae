#include "models/media/mediainfo.h"
#include "models/media/ffmpegsupport.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}

#include <mutex>

namespace vigie::media {

namespace {

QString versionText(unsigned version)
{
    return QStringLiteral("%1.%2.%3")
        .arg(AV_VERSION_MAJOR(version))
        .arg(AV_VERSION_MINOR(version))
        .arg(AV_VERSION_MICRO(version));
}

ComponentVersion component(const char *name, unsigned runtime, unsigned built)
{
    ComponentVersion c{QString::fromLatin1(name), versionText(runtime), {}};
    if (AV_VERSION_MAJOR(runtime) != AV_VERSION_MAJOR(built))
        c.detail = QStringLiteral("built with %1: major version differs").arg(versionText(built));
    else
        c.detail = QStringLiteral("built with %1").arg(versionText(built));
    return c;
}

} // namespace

QList<ComponentVersion> components()
{
    QList<ComponentVersion> list{
        {QStringLiteral("FFmpeg"), QString::fromLatin1(av_version_info()), {}},
        component("libavformat", avformat_version(), LIBAVFORMAT_VERSION_INT),
        component("libavcodec", avcodec_version(), LIBAVCODEC_VERSION_INT),
        component("libswscale", swscale_version(), LIBSWSCALE_VERSION_INT),
        component("libavutil", avutil_version(), LIBAVUTIL_VERSION_INT),
    };
    return list;
}

QString avError(int code)
{
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buf, sizeof buf);
    return QString::fromUtf8(buf);
}

void quietFfmpegLog()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (qEnvironmentVariableIsEmpty("VIGIE_FFMPEG_LOG"))
            av_log_set_level(AV_LOG_QUIET);
    });
}

bool hasDecoder(const QString &codecName)
{
    return avcodec_find_decoder_by_name(codecName.toLatin1().constData()) != nullptr;
}

} // namespace vigie::media
