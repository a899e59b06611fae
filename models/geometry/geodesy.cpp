#include "models/geometry/geodesy.h"

#include <GeographicLib/Geocentric.hpp>
#include <GeographicLib/LocalCartesian.hpp>

#include <cmath>
#include <numbers>

namespace vigie {

Station::Station(const Geodetic &origin)
    : m_origin(origin)
    , m_frame(std::make_unique<GeographicLib::LocalCartesian>(
          origin.latitudeDeg, origin.longitudeDeg, origin.heightM,
          GeographicLib::Geocentric::WGS84()))
{
}

Station::~Station() = default;

Station::Station(const Station &other)
    : Station(other.m_origin)
{
}

Station &Station::operator=(const Station &other)
{
    if (this != &other) {
        m_origin = other.m_origin;
        m_frame = std::make_unique<GeographicLib::LocalCartesian>(*other.m_frame);
    }
    return *this;
}

Enu Station::toEnu(const Geodetic &point) const
{
    Enu enu;
    m_frame->Forward(point.latitudeDeg, point.longitudeDeg, point.heightM, enu.e, enu.n, enu.u);
    return enu;
}

Geodetic Station::toGeodetic(const Enu &point) const
{
    Geodetic g;
    m_frame->Reverse(point.e, point.n, point.u, g.latitudeDeg, g.longitudeDeg, g.heightM);
    return g;
}

LookAngles Station::look(const Enu &p)
{
    constexpr double toDeg = 180.0 / std::numbers::pi;
    LookAngles look;
    const double horizontal = std::hypot(p.e, p.n);
    look.rangeM = std::hypot(horizontal, p.u);
    look.elevationDeg = std::atan2(p.u, horizontal) * toDeg;
    double az = std::atan2(p.e, p.n) * toDeg;
    if (az < 0)
        az += 360.0;
    look.azimuthDeg = az >= 360.0 ? 0.0 : az;
    return look;
}

std::array<double, 3> toEcef(const Geodetic &point)
{
    std::array<double, 3> xyz{};
    GeographicLib::Geocentric::WGS84().Forward(point.latitudeDeg, point.longitudeDeg,
                                               point.heightM, xyz[0], xyz[1], xyz[2]);
    return xyz;
}

Geodetic fromEcef(const std::array<double, 3> &ecef)
{
    Geodetic g;
    GeographicLib::Geocentric::WGS84().Reverse(ecef[0], ecef[1], ecef[2], g.latitudeDeg,
                                               g.longitudeDeg, g.heightM);
    return g;
}

} // namespace vigie
