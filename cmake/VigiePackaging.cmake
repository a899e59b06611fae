# `cpack -G DEB` in the build folder makes vigie_<version>_<arch>.deb: both executables, the
# desktop entry and the icon. dpkg-shlibdeps computes the shared-library dependencies; the Qt
# plugins Vigie loads at run time (SQLite driver, X11 platform) are named by hand because no
# linker sees them.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/vigie.desktop
        DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/vigie.png
        DESTINATION share/icons/hicolor/256x256/apps)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/ARCHITECTURE.md
        DESTINATION share/doc/vigie)

set(CPACK_PACKAGE_NAME "vigie")
set(CPACK_PACKAGE_VENDOR "Vigie")
set(CPACK_PACKAGE_CONTACT "Vigie developers <vigie@invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "vigie")
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ffmpeg, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"Counter-drone measurement campaign workstation
 Vigie plays a turret's RGB and infrared videos in lockstep with the drone's
 GPS-RTK log and the turret's pointing log, projects the drone into each image,
 proposes weak boxes, lets analysts correct them into a SQLite dataset, and
 retrains and evaluates an embedded detector.")
include(CPack)
