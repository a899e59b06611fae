#pragma once

// The camera model, and how the target's uncertainty reaches the image.
//
// Frames. World = local ENU at the station. The turret's pose (pan clockwise from north, tilt up
// from the horizon, roll) gives the turret's line of sight; each camera sits on the turret with
// small boresight offsets (pan, tilt, roll) measured in the turret's own frame, and sees through
// a pinhole with optional OpenCV lens distortion. Camera coordinates are OpenCV's: x right,
// y down, z forward. At pan = tilt = roll = 0 the camera looks north, x points east.
// Positive roll turns the camera's x axis toward its y axis (clockwise, seen from behind).
//
// Uncertainty. A pixel is a function of the target's ENU position and of the pose angles. Its
// covariance is propagated to first order: Σpx = Jp (Σrtk + σt² v vᵀ) Jpᵀ + Ja Σangles Jaᵀ,
// with the Jacobians taken by central differences of the full model (distortion included), the
// RTK covariance from the receiver, the time-sync sigma times the target's velocity, and the
// pointing sigmas. The ellipse drawn is the one holding `confidence` of a Gaussian.

#include "models/geometry/geodesy.h"

#include <array>
#include <optional>
#include <vector>

namespace vigie {

struct Intrinsics
{
    int width = 0;
    int height = 0;
    double fx = 0, fy = 0, cx = 0, cy = 0;
    /// OpenCV's distortion coefficients: k1 k2 p1 p2 [k3 [k4 k5 k6 [s1 s2 s3 s4 [τx τy]]]];
    /// empty for an ideal pinhole.
    std::vector<double> distortion;

    /// Square pixels with the given horizontal field of view; principal point at the centre.
    static Intrinsics fromHfov(int width, int height, double hfovDeg);
    double hfovDeg() const;
    bool isValid() const { return width > 0 && height > 0 && fx > 0 && fy > 0; }
};

/// Turret or boresight angles, degrees.
struct Attitude
{
    double panDeg = 0;
    double tiltDeg = 0;
    double rollDeg = 0;
};

/// One camera on the turret.
struct CameraModel
{
    Intrinsics intrinsics;
    Attitude boresight; ///< offsets from the turret's line of sight, in the turret's frame
    /// The optical centre from the turret's rotation centre (the station), metres, in the
    /// turret's frame: right, forward, up. Two cameras side by side differ here by their baseline.
    std::array<double, 3> positionM{};

    /// The target's position in camera coordinates (metres; z forward) for a turret pose.
    std::array<double, 3> toCamera(const Enu &target, const Attitude &turret) const;
    /// The pixel of a point in front of the camera (z > 0), with distortion; nullopt behind.
    std::optional<std::array<double, 2>> project(const Enu &target, const Attitude &turret) const;
    /// The pixel of a point given in camera coordinates, with distortion; nullopt if z <= 0.
    std::optional<std::array<double, 2>> projectCamera(const std::array<double, 3> &point) const;
    /// The direction a pixel looks along, in camera coordinates, scaled to z = 1 (the lens
    /// distortion undone by OpenCV's undistortPoints).
    std::array<double, 3> ray(double x, double y) const;
};

/// A point in the coordinates of camera `from` expressed in those of camera `to`, both on the
/// same turret: their boresights and positions only, whatever the turret's pose.
std::array<double, 3> cameraToCamera(const CameraModel &from, const CameraModel &to,
                                     const std::array<double, 3> &point);

/// Sources of uncertainty for one projection.
struct Uncertainty
{
    std::array<double, 9> positionCovarianceEnu{}; ///< m², from the receiver (zeros = exact)
    std::array<double, 3> velocityEnu{};           ///< m/s, for the time-sync term
    double syncSigmaS = 0;                         ///< time-sync sigma, seconds
    Attitude pointingSigmaDeg;                     ///< pan, tilt, roll sigmas
    double confidence = 0.95;                      ///< the ellipse's probability mass
};

/// An ellipse in pixels: semi-axes and the major axis' angle from the image x axis toward y.
struct PixelEllipse
{
    double centerX = 0, centerY = 0;
    double semiMajor = 0, semiMinor = 0;
    double angleDeg = 0;
    std::array<double, 3> covariance{}; ///< xx, xy, yy in px²
};

/// Everything the views and the proposers need of the target in one camera at one instant.
struct Projection
{
    bool inFront = false;   ///< z > 0: the pixel is meaningful
    bool inFieldOfView = false; ///< in front, and the pixel inside the image
    double x = 0, y = 0;    ///< pixel (may lie outside the image)
    PixelEllipse ellipse;   ///< valid when inFront
    double expectedWidthPx = 0, expectedHeightPx = 0;
    double depthM = 0;      ///< z in camera coordinates
    LookAngles look;        ///< from the station
    /// Direction toward the target in the image plane (degrees from +x toward +y), also when
    /// it is out of view or behind: for the arrow at the image border.
    double bearingDeg = 0;
};

/// Projects the target through the turret pose into the camera, with the uncertainty ellipse
/// and the expected box of a target `sizeM` wide and `heightM` tall. Pure, thread-safe.
Projection projectTarget(const CameraModel &camera, const Enu &target, const Attitude &turret,
                         const Uncertainty &uncertainty, double sizeM, double heightM);

/// The 2×2 covariance to ellipse step, shared with the views and tests.
PixelEllipse ellipseFromCovariance(double cx, double cy, const std::array<double, 3> &cov,
                                   double confidence);

} // namespace vigie
