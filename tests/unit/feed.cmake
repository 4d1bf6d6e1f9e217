fx_test(tst_feed SOURCES tst_feed.cpp LIBS fxfeed LABELS unit)
