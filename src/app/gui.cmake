# fxmonitor: the desktop app (src/gui) on the same engine as the headless server.
add_executable(fxmonitor ${CMAKE_CURRENT_SOURCE_DIR}/gui_main.cpp)
target_link_libraries(fxmonitor PRIVATE fxruntime fxgui)
fx_warnings(fxmonitor)
install(TARGETS fxmonitor RUNTIME DESTINATION bin)
install(FILES ${PROJECT_SOURCE_DIR}/resources/fxmonitor.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/fxmonitor.svg DESTINATION share/icons/hicolor/scalable/apps)
