# bench_storage: sustained write throughput of the storage (SQLite, and PostgreSQL with --pg).
if(TARGET fxstorage)
    add_executable(bench_storage ${CMAKE_CURRENT_SOURCE_DIR}/bench_storage.cpp)
    target_link_libraries(bench_storage PRIVATE fxstorage Qt6::Sql)
    fx_warnings(bench_storage)
endif()
