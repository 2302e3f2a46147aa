#define BOOST_TEST_MODULE newscore
#include <boost/test/unit_test.hpp>
