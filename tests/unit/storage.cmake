# Storage: the parts that need no database (market sessions, write buffer, bars, filters,
# configuration, status).
if(TARGET fxstorage)
    fx_test(tst_storage_sessions SOURCES tst_storage_sessions.cpp LIBS fxstorage LABELS unit)
    fx_test(tst_storage_buffer SOURCES tst_storage_buffer.cpp LIBS fxstorage LABELS unit)
endif()
