package jenkins.util.io;

/** Marker: the object lives on the controller only. */
public interface OnMaster {
}
