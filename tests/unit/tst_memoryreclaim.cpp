// core::releaseFreeMemory (core/memoryreclaim.h): memory a burst freed on another thread goes
// back to the system, which glibc's malloc does not do by itself for a thread's arena.

#include "core/memoryreclaim.h"
#include "core/platform.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>
#include <vector>

namespace {

// Like a burst of connections on an I/O thread: many small blocks, touched, then all freed
// but one block in 64 (live objects that keep the arena's top from being trimmed).
[[maybe_unused]] void burstOnThread(std::vector<std::unique_ptr<char[]>> *kept)
{
    std::unique_ptr<QThread> t(QThread::create([kept] {
        std::vector<std::unique_ptr<char[]>> blocks;
        for (int i = 0; i < 40000; ++i) {
            blocks.emplace_back(new char[2000]);
            std::fill_n(blocks.back().get(), 2000, char(i));
        }
        for (size_t i = 0; i < blocks.size(); i += 64)
            kept->push_back(std::move(blocks[i]));
    }));
    t->start();
    QVERIFY(t->wait(30000));
}

} // namespace

class TestMemoryReclaim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void releasesWhatABurstFreed()
    {
        if (fx::core::platform::isPortableBuild())
            QSKIP("the portable build has no resident size or heap figures (ARCHITECTURE.md, \"Platform seams\")");
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
        QSKIP("the sanitizers replace malloc: there is no glibc arena to trim");
#elif !defined(__GLIBC__)
        QSKIP("malloc_trim is glibc's");
#else
        std::vector<std::unique_ptr<char[]>> kept;
        burstOnThread(&kept);
        const qint64 before = fx::core::residentKb();
        const qint64 released = fx::core::releaseFreeMemory();
        const qint64 after = fx::core::residentKb();
        // About 78 MB were touched and 77 MB freed: most of it must go back.
        QVERIFY2(released > 40 * 1024, qPrintable(QStringLiteral("released %1 KiB").arg(released)));
        QVERIFY2(after < before - 40 * 1024, qPrintable(QStringLiteral("%1 -> %2 KiB").arg(before).arg(after)));
        QCOMPARE(kept.size(), size_t(625));
        QCOMPARE(kept[1][1999], char(64)); // the live blocks are intact (block 64 holds 64s)
        // A second pass has nothing left to give.
        QVERIFY(fx::core::releaseFreeMemory() < 4 * 1024);
#endif
    }

    void reclaimerActsAfterABurstOnly()
    {
        if (fx::core::platform::isPortableBuild())
            QSKIP("the portable build has no resident size or heap figures (ARCHITECTURE.md, \"Platform seams\")");
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(__GLIBC__)
        QSKIP("needs glibc's own malloc");
#else
        // Growth under its threshold: nothing happens however often it looks.
        fx::core::MemoryReclaimer idle(10, 1024 * 1024);
        QSignalSpy idleReleased(&idle, &fx::core::MemoryReclaimer::released);
        // 8 MiB of growth or more: the next pass gives the freed part back.
        fx::core::MemoryReclaimer reclaimer(10, 8 * 1024);
        QSignalSpy released(&reclaimer, &fx::core::MemoryReclaimer::released);
        std::vector<std::unique_ptr<char[]>> kept;
        burstOnThread(&kept);
        QVERIFY(released.wait(5000));
        QVERIFY2(released.first().first().toLongLong() > 40 * 1024,
                 qPrintable(QStringLiteral("released %1 KiB").arg(released.first().first().toLongLong())));
        // The idle one ran as often, on the same thread, and saw only the same growth.
        QCOMPARE(idleReleased.count(), 0);
#endif
    }

    void growthInUseIsLeftAlone()
    {
        if (fx::core::platform::isPortableBuild())
            QSKIP("the portable build has no resident size or heap figures (ARCHITECTURE.md, \"Platform seams\")");
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(__GLIBC__)
        QSKIP("needs glibc's own malloc");
#else
        // More memory in use (more clients, a cache) is no burst: nothing to give back, no pass.
        fx::core::MemoryReclaimer reclaimer(10, 8 * 1024);
        QSignalSpy released(&reclaimer, &fx::core::MemoryReclaimer::released);
        QSignalSpy passes(reclaimer.findChild<QTimer *>(), &QTimer::timeout);
        std::vector<std::unique_ptr<char[]>> live;
        for (int i = 0; i < 40000; ++i) {
            live.emplace_back(new char[2000]);
            std::fill_n(live.back().get(), 2000, char(i));
        }
        QTRY_VERIFY(passes.count() >= 5);
        QCOMPARE(released.count(), 0);
#endif
    }
};

QTEST_GUILESS_MAIN(TestMemoryReclaim)
#include "tst_memoryreclaim.moc"
