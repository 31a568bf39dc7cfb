# EARSHOT_FUZZ=ON: every earshot library gets libFuzzer's coverage
# instrumentation (-fsanitize=fuzzer-no-link) plus ASan and UBSan, so the
# fuzzer is guided by, and checks, the code under test rather than only the
# small target files. Only the fuzz/ targets link libFuzzer's main
# (fuzz/CMakeLists.txt); the earshot binary links the sanitizer runtimes only.
# -O1 after the build type's flags: fast enough to fuzz, assertions kept (Debug).
# Included from the top-level CMakeLists.txt before any target is defined.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "EARSHOT_FUZZ needs clang and libFuzzer (Debian: clang, libclang-rt-14-dev); "
                      "use `cmake --preset fuzz`, or -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                    -fsanitize-ignorelist=${CMAKE_CURRENT_LIST_DIR}/ubsan_ignorelist.txt
                    -fno-omit-frame-pointer -g -O1)
# RapidJSON's iterator operator== trips clang's C++20 reversed-operator warning
# at every call site; the header is Debian's, the warning is noise here.
add_compile_options(-Wno-ambiguous-reversed-operator)
add_link_options(-fsanitize=address,undefined)
