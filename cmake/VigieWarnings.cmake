# Strictness shared by every Vigie target: warnings, and Qt's opt-in safety macros.

# vigie_strict(TARGET [NO_KEYWORDS])
#   -Wall -Wextra (and a few more that catch real bugs), QT_NO_CAST_FROM_ASCII, QT_NO_FOREACH,
#   QT_NO_URL_CAST_FROM_STRING. NO_KEYWORDS adds QT_NO_KEYWORDS, required wherever LibTorch
#   headers are seen, because LibTorch has a member named `slots`.
function(vigie_strict target)
    cmake_parse_arguments(ARG "NO_KEYWORDS" "" "" ${ARGN})
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Woverloaded-virtual
        -Wimplicit-fallthrough)
    if(VIGIE_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_FOREACH QT_NO_URL_CAST_FROM_STRING
        QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER)
    if(ARG_NO_KEYWORDS)
        target_compile_definitions(${target} PRIVATE QT_NO_KEYWORDS)
    endif()
endfunction()

option(VIGIE_WERROR "Treat compiler warnings as errors (CI sets it)" OFF)
