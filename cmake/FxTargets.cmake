# Helpers shared by every target of ours: warnings as errors on our own code only.
function(fx_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wno-error=deprecated-declarations)
    target_compile_definitions(${target} PRIVATE
        QT_NO_KEYWORDS
        QT_NO_FOREACH)
endfunction()

# A static library of one module, with its include root public.
function(fx_module target)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    add_library(${target} STATIC ${ARG_SOURCES})
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src ${PROJECT_BINARY_DIR}/src)
    target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    fx_warnings(${target})
endfunction()

# ARCHITECTURE.md, "Platform seams": the sources of the seams NAME..., NAME_linux.cpp each (the
# fast side) or, with FX_PORTABLE, NAME_portable.cpp, into the list variable out. Only the
# portable files get the definition FX_PORTABLE=1: every other object compiles with the same
# command line in both builds, so a second build directory reuses them from ccache.
function(fx_seam out)
    set(files)
    foreach(name IN LISTS ARGN)
        if(FX_PORTABLE)
            list(APPEND files ${name}_portable.cpp)
            set_source_files_properties(${name}_portable.cpp DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}
                PROPERTIES COMPILE_DEFINITIONS FX_PORTABLE=1)
        else()
            list(APPEND files ${name}_linux.cpp)
        endif()
    endforeach()
    set(${out} ${files} PARENT_SCOPE)
endfunction()
