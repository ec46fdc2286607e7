// Passerelle — the Catch2 main of the single test executable.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
