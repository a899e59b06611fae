#include "app/components.h"

#include "database/dbinfo.h"
#include "inference/runtime.h"
#include "models/media/mediainfo.h"

namespace vigie {

QList<ComponentVersion> allComponents()
{
    QList<ComponentVersion> all = modelsComponents();
    all += media::components();
    all += db::components();
    all += inference::components();
    return all;
}

} // namespace vigie
