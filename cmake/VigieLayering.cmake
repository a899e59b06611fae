# The design card's one-way graph, checked at configure time: a forbidden link fails the
# configure step with the offending pair named, before anything compiles.

function(_vigie_link_closure target out)
    set(seen "")
    set(todo ${target})
    while(todo)
        list(POP_FRONT todo current)
        if(NOT TARGET ${current} OR current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${current})
        get_target_property(aliased ${current} ALIASED_TARGET)
        if(aliased)
            list(APPEND todo ${aliased})
        endif()
        foreach(prop LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
            get_target_property(libs ${current} ${prop})
            if(libs)
                foreach(lib IN LISTS libs)
                    string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
                    list(APPEND todo ${lib})
                endforeach()
            endif()
        endforeach()
    endwhile()
    set(${out} ${seen} PARENT_SCOPE)
endfunction()

function(_vigie_forbid target)
    _vigie_link_closure(${target} closure)
    foreach(forbidden IN LISTS ARGN)
        foreach(dep IN LISTS closure)
            if(dep MATCHES "${forbidden}")
                message(FATAL_ERROR
                    "Layering violation: ${target} links ${dep} (forbidden: ${forbidden}). "
                    "See docs/ARCHITECTURE.md.")
            endif()
        endforeach()
    endforeach()
endfunction()

function(vigie_check_layering)
    _vigie_forbid(vigie_models "Widgets" "Sql" "^torch$" "FFMPEG" "vigie_media"
                               "vigie_database" "vigie_inference" "vigie_widgets" "vigie_synth")
    _vigie_forbid(vigie_media "Widgets" "Sql" "^torch$" "vigie_database" "vigie_inference"
                              "vigie_widgets")
    _vigie_forbid(vigie_synth "Widgets" "Sql" "^torch$" "vigie_database" "vigie_inference"
                              "vigie_widgets")
    _vigie_forbid(vigie_database "Widgets" "^torch$" "FFMPEG" "vigie_inference"
                                 "vigie_widgets")
    _vigie_forbid(vigie_inference "Widgets" "Sql" "vigie_database" "vigie_widgets")
    _vigie_forbid(vigie_session "Widgets" "vigie_widgets")
    _vigie_forbid(vigie_widgets "Sql" "^torch$" "c10" "FFMPEG" "vigie_media"
                                "vigie_database" "vigie_inference" "vigie_synth")
endfunction()
