# What `cmake --install build --prefix P` (and `make install PREFIX=P`, `make deb`) puts
# where: the binaries in P/bin, the compiled compound dictionary in P/share/archivar (found
# from bin/ and lib/ by relative path), man pages generated from --help, bash completion,
# and libarchivar.so with its headers and CMake package (find_package(archivar)).
set(ARCHIVAR_PROGRAMS archivar-index archivar-search archivar-eval archivar-mkdict)

# Man pages: help2man runs each binary's --help. The version is given rather than asked
# (--version also names this build's dictionary path, which has no place in a man page).
find_program(HELP2MAN help2man REQUIRED)
set(ARCHIVAR_MAN_DIR ${CMAKE_BINARY_DIR}/${CMAKE_INSTALL_MANDIR}/man1)
set(archivar-index_summary "index German news archives into an Archivar database")
set(archivar-search_summary "search an Archivar database of German news")
set(archivar-eval_summary "score TREC runs against relevance judgments like trec_eval")
set(archivar-mkdict_summary "compile a German word list into Archivar's compound dictionary")
set(man_pages "")
foreach(program IN LISTS ARCHIVAR_PROGRAMS)
  set(page ${ARCHIVAR_MAN_DIR}/${program}.1)
  add_custom_command(
    OUTPUT ${page}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${ARCHIVAR_MAN_DIR}
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1
            --version-string=${PROJECT_VERSION} --name=${${program}_summary}
            --output=${page} $<TARGET_FILE:${program}>
    DEPENDS ${program}
    COMMENT "Writing the man page of ${program} from its --help"
    VERBATIM)
  list(APPEND man_pages ${page})
endforeach()
add_custom_target(archivar_man_pages ALL DEPENDS ${man_pages})

install(TARGETS archivar-index archivar-search archivar-eval archivar-mkdict
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${ARCHIVAR_COMPILED_WORDS} DESTINATION ${ARCHIVAR_DATA_DIR})
install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# bash-completion loads completions/NAME when NAME is first completed: one copy a program.
foreach(program archivar-index archivar-search archivar-eval)
  install(FILES ${PROJECT_SOURCE_DIR}/completion/archivar.bash
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME ${program})
endforeach()

# The library and its CMake package.
include(CMakePackageConfigHelpers)
set(ARCHIVAR_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/archivar)
install(TARGETS archivar EXPORT archivarTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        PUBLIC_HEADER DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/archivar)
install(EXPORT archivarTargets NAMESPACE archivar:: DESTINATION ${ARCHIVAR_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/archivarConfig.cmake.in
                              ${CMAKE_BINARY_DIR}/archivarConfig.cmake
                              INSTALL_DESTINATION ${ARCHIVAR_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/archivarConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/archivarConfig.cmake
              ${CMAKE_BINARY_DIR}/archivarConfigVersion.cmake DESTINATION ${ARCHIVAR_CMAKE_DIR})

# `make deb`: one Debian package with all of the above, depending on the Debian runtime
# packages of the libraries the binaries link (found by dpkg-shlibdeps).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME archivar)
set(CPACK_PACKAGE_VENDOR "Archivar")
set(CPACK_PACKAGE_CONTACT "Archivar maintainers <archivar@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "full-text search engine for German news archives")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Indexes German news archives (JSON Lines, TREC, CSV, HTML, NITF, text; compressed and in
 archives) with German analysis (stemming, umlauts, compounds) into Xapian databases and
 searches them ranked with BM25, with snippets, facets and near-duplicate grouping.
 Includes archivar-eval, a trec_eval-compatible evaluator, and libarchivar.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Shards served from other machines need xapian-tcpsrv; man reads the man pages.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xapian-tools, man-db")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
