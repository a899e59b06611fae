#pragma once

#include <array>
#include <memory>

namespace GeographicLib {
class LocalCartesian;
}

namespace vigie {

/// A WGS84 position: latitude and longitude in degrees, height above the ellipsoid in metres.
struct Geodetic
{
    double latitudeDeg = 0;
    double longitudeDeg = 0;
    double heightM = 0;
};

/// Local east-north-up coordinates, metres, from the station.
struct Enu
{
    double e = 0;
    double n = 0;
    double u = 0;
};

/// Where a point is seen from the station: azimuth clockwise from true north in [0, 360),
/// elevation above the local horizontal plane, slant range.
struct LookAngles
{
    double azimuthDeg = 0;
    double elevationDeg = 0;
    double rangeM = 0;
};

/// The sensor station: the origin of the local ENU frame every projection works in.
/// Geodesy is GeographicLib's (LocalCartesian on WGS84); nothing here re-derives the ellipsoid.
/// Thread-safe for concurrent const use.
class Station
{
public:
    explicit Station(const Geodetic &origin);
    ~Station();
    Station(const Station &other);
    Station &operator=(const Station &other);

    const Geodetic &origin() const { return m_origin; }
    Enu toEnu(const Geodetic &point) const;
    Geodetic toGeodetic(const Enu &point) const;

    static LookAngles look(const Enu &point);

private:
    Geodetic m_origin;
    std::unique_ptr<GeographicLib::LocalCartesian> m_frame;
};

/// Earth-centred, earth-fixed coordinates (metres) of a WGS84 position.
std::array<double, 3> toEcef(const Geodetic &point);
Geodetic fromEcef(const std::array<double, 3> &ecef);

} // namespace vigie
