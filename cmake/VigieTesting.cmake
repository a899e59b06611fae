# vigie_add_test(NAME SOURCES ... LIBS ... LABEL unit|gui|cli [SANITIZE] [TORCH] [TIMEOUT s])
#   One Qt Test executable per unit, registered with CTest under its label. GUI tests run on the
#   offscreen platform. Tests find data through compile definitions, never the working directory:
#     VIGIE_SOURCE_DIR     the project's source tree
#     VIGIE_FIXTURES_DIR   tests/fixtures (real recorded data, with its licences)
#     VIGIE_TEST_DATA_DIR  tests/data
#     VIGIE_TEST_OUTPUT_DIR a folder under the build tree for files a test writes (screenshots)
#   SANITIZE marks a test that also belongs to the ASan/UBSan build of the GUI-free parsers.
#   TORCH marks a test that trains or runs LibTorch networks: CTest never runs two of them at once
#   (RESOURCE_LOCK torch), since two LibTorch processes on two cores starve each other (decision 26).
function(vigie_add_test name)
    cmake_parse_arguments(ARG "SANITIZE;TORCH" "LABEL;TIMEOUT" "SOURCES;LIBS" ${ARGN})
    if(VIGIE_SANITIZE AND NOT ARG_SANITIZE)
        return()
    endif()
    if(NOT ARG_LABEL)
        message(FATAL_ERROR "vigie_add_test(${name}): LABEL unit|gui|cli is required")
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    set(output_dir "${CMAKE_BINARY_DIR}/test-output/${name}")
    file(MAKE_DIRECTORY "${output_dir}")
    target_compile_definitions(${name} PRIVATE
        VIGIE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        VIGIE_FIXTURES_DIR="${VIGIE_FIXTURES_DIR}"
        VIGIE_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        VIGIE_TEST_OUTPUT_DIR="${output_dir}")
    vigie_strict(${name})
    add_test(NAME ${name} COMMAND ${name})
    set(env "QT_QPA_PLATFORM=offscreen"
            "XDG_CONFIG_HOME=${output_dir}/config" "XDG_CACHE_HOME=${output_dir}/cache"
            "LANG=C.UTF-8" "LC_ALL=C.UTF-8")
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABEL}"
        ENVIRONMENT "${env}"
        TIMEOUT ${ARG_TIMEOUT})
    if(ARG_TORCH)
        set_tests_properties(${name} PROPERTIES RESOURCE_LOCK torch)
    endif()
endfunction()
