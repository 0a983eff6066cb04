public enum Shell {}
