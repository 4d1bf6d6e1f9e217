fx_test(tst_feed SOURCES tst_feed.cpp LIBS fxfeed LABELS unit)
fx_test(tst_feed_sources SOURCES tst_feed_sources.cpp LIBS fxfeedrunner LABELS unit)
