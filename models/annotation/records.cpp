#include "models/annotation/records.h"

namespace vigie::db {

namespace {
const char *const sourceNames[] = {"manual", "geometry", "cam", "tracker", "interpolated", "detector", "transfer"};
const char *const stateNames[] = {"proposed", "accepted", "corrected", "rejected"};
} // namespace

const char *toString(BoxSource source)
{
    return sourceNames[int(source)];
}

const char *toString(BoxState state)
{
    return stateNames[int(state)];
}

std::optional<BoxSource> boxSourceFromString(QStringView text)
{
    for (int i = 0; i < boxSourceCount; ++i) {
        if (text == QLatin1String(sourceNames[i]))
            return BoxSource(i);
    }
    return std::nullopt;
}

std::optional<BoxState> boxStateFromString(QStringView text)
{
    for (int i = 0; i < 4; ++i) {
        if (text == QLatin1String(stateNames[i]))
            return BoxState(i);
    }
    return std::nullopt;
}

} // namespace vigie::db
