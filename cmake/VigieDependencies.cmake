# Every third-party component comes from a Debian 12 package (packaging/install-deps.sh).
# Each one is exposed as an imported target so that target_link_libraries states the layering.

set(VIGIE_QT_COMPONENTS Core Gui Test)
if(NOT VIGIE_SANITIZE)
    list(APPEND VIGIE_QT_COMPONENTS Widgets Sql Charts Concurrent LinguistTools)
endif()
find_package(Qt6 6.4 REQUIRED COMPONENTS ${VIGIE_QT_COMPONENTS})
qt_standard_project_setup()

# GeographicLib 2.1 ships a Find module, not a package config.
list(APPEND CMAKE_MODULE_PATH /usr/share/cmake/geographiclib)
find_package(GeographicLib 2.1 REQUIRED)
if(NOT TARGET GeographicLib::GeographicLib)
    add_library(GeographicLib::GeographicLib UNKNOWN IMPORTED)
    set_target_properties(GeographicLib::GeographicLib PROPERTIES
        IMPORTED_LOCATION "${GeographicLib_LIBRARIES}"
        INTERFACE_INCLUDE_DIRECTORIES "${GeographicLib_INCLUDE_DIRS}")
endif()

# OpenCV's calib3d serves the camera model's lens distortion, so vigie_models links core+calib3d.
find_package(OpenCV 4.6 REQUIRED COMPONENTS core imgproc imgcodecs calib3d)

if(NOT VIGIE_SANITIZE)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET
        libavformat>=59 libavcodec>=59 libswscale>=6 libavutil>=57)

    find_package(Torch REQUIRED)
endif()
