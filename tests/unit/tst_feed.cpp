#include <QTest>
class TestFeed : public QObject { Q_OBJECT };
QTEST_APPLESS_MAIN(TestFeed)
#include "tst_feed.moc"
