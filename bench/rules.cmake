# bench_rules: RuleBook::evaluate() per tick with 100,000 alert rules beside an empty book (issue 17).
add_executable(bench_rules ${CMAKE_CURRENT_SOURCE_DIR}/bench_rules.cpp)
target_link_libraries(bench_rules PRIVATE fxrules)
fx_warnings(bench_rules)
